import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', 'src/sample/cluster', '--now', '2026-11-24T06:00:00Z'];
const PINNED = join(import.meta.dirname, '..', 'fixtures', 'blast', 'sample-cluster', 'expected.json');

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..', '..'),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('blast osd/3 --json prints the pinned contract JSON for the sample cluster', () => {
  const run = tierbook('blast', 'osd/3', ...SAMPLE, '--json');
  assert.equal(run.code, 0, run.stderr);
  const [pinned] = JSON.parse(readFileSync(PINNED, 'utf8')) as { query: string }[];
  const { query: _query, ...expected } = pinned as { query: string };
  assert.deepEqual(JSON.parse(run.stdout), expected);
});

test('blast text groups by impact, shows tiers, backups and assumptions in 80 columns', () => {
  const run = tierbook('blast', 'device/k8s-2/sdc', ...SAMPLE);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Blast radius of device\/k8s-2\/sdc: lost with its data\./);
  // The verdict opens the answer: the names that lose data, their backups, the runbook.
  const verdict = run.stdout.slice(0, run.stdout.indexOf('LOSE DATA')).replace(/\s+/g, ' ');
  assert.match(verdict, /Verdict: 3 lose data: tier 0 StatefulSet auth\/authentik-redis \(backup survives\)/);
  assert.match(verdict, /tier 1 PerconaXtraDBCluster databases\/pxc-main \(backup survives\)/);
  assert.match(verdict, /5 go dark: tier 0 Deployment auth\/authentik-server/);
  assert.match(verdict, /Runbook: tierbook runbook osd-replace device\/k8s-2\/sdc/);
  const order = ['LOSE DATA', 'UNAVAILABLE', 'DEGRADED', 'Assumptions:'].map((h) => run.stdout.indexOf(h));
  assert.deepEqual(
    [...order].sort((a, b) => a - b),
    order,
  );
  assert.ok(!order.includes(-1));
  assert.match(run.stdout, /tier 1 {2}PerconaXtraDBCluster databases\/pxc-main/);
  assert.match(run.stdout, /backup barmanObjectStore \(cloudnative-pg\), last success\s+\S+: survives/);
  for (const line of run.stdout.split('\n')) assert.ok(line.length <= 80, `longer than 80 columns: ${line}`);
  assert.doesNotMatch(run.stdout, /monitoring\/prometheus|web\/blog/);
});

test('--outage: nothing loses data', () => {
  const run = tierbook('blast', 'osd/3', ...SAMPLE, '--outage', '--json');
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { outage: boolean; impacts: { impact: string }[] };
  assert.equal(result.outage, true);
  assert.ok(result.impacts.length > 0);
  assert.ok(result.impacts.every((i) => i.impact !== 'data-loss'));
});

test('several targets are lost together', () => {
  const run = tierbook('blast', 'node/k8s-1', 'node/k8s-2', ...SAMPLE, '--json');
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as {
    target: string;
    impacts: { workload: { name: string }; impact: string }[];
  };
  assert.equal(result.target, 'node/k8s-1 + node/k8s-2');
  // replicapool (size 3, host) keeps one copy of three: below min_size 2, MinIO stops.
  assert.equal(result.impacts.find((i) => i.workload.name === 'minio')?.impact, 'unavailable');
});

test('no target lists the failure domains, worst first', () => {
  const run = tierbook('blast', ...SAMPLE);
  assert.equal(run.code, 0, run.stderr);
  const lines = run.stdout.split('\n').filter((l) => l.startsWith('  '));
  // A target longer than the column puts its summary on the next line.
  assert.equal(lines[0], '  pool/rook-ceph/replicapool');
  assert.match(lines[1] ?? '', /^ +\d+ lose data \(tier 0\)/);
  for (const target of ['osd/3', 'node/k8s-3', 'storageclass/local-path', 'device/k8s-2/dev/sdc'])
    assert.ok(run.stdout.includes(`  ${target}`), target);
  const json = JSON.parse(tierbook('blast', ...SAMPLE, '--json').stdout) as {
    failureDomains: { target: string; counts: Record<string, number> }[];
  };
  assert.equal(json.failureDomains[0]?.target, 'pool/rook-ceph/replicapool');
});

test('an unknown target exits 2 and names the closest known targets', () => {
  const missing = tierbook('blast', 'osd/30', ...SAMPLE);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /target "osd\/30" is not in the inventory.*closest: osd\/3/);
  const typo = tierbook('blast', 'node/k8s3', ...SAMPLE);
  assert.equal(typo.code, 2);
  assert.match(typo.stderr, /closest: node\/k8s-3/);
  const kind = tierbook('blast', 'disk/k8s-2/sdc', ...SAMPLE);
  assert.equal(kind.code, 2);
  assert.match(kind.stderr, /unknown target "disk\/k8s-2\/sdc": a target is one of osd\/<id>, device/);
  assert.doesNotMatch(kind.stderr, /at .*\.ts:\d+/);
});

test('--fail-on is a gate: exit 1 at or above the impact, 0 below it, 2 for a bad value', () => {
  // One instance's volume of a three-instance CloudNativePG cluster: degraded, nothing worse.
  const replicated = ['--from', 'tests/fixtures/blast/replicated-workloads/cluster.yaml'];
  const one = (failOn: string) =>
    tierbook('blast', 'pvc/db/pg-2', ...replicated, '--json', '--fail-on', failOn);
  const [degraded, unavailable, dataLoss] = ['degraded', 'unavailable', 'data-loss'].map(one);
  assert.deepEqual(
    JSON.parse(degraded?.stdout ?? '').impacts.map((i: { impact: string }) => i.impact),
    ['degraded'],
    'the answer is printed whatever the gate says',
  );
  assert.deepEqual([degraded?.code, unavailable?.code, dataLoss?.code], [1, 0, 0], degraded?.stderr);
  assert.match(
    degraded?.stderr ?? '',
    /pvc\/db\/pg-2: an impact at or above degraded \(--fail-on degraded\)/,
  );
  // The sample's osd/3 loses data; with --outage it never does, so only the data-loss gate passes.
  const loss = tierbook('blast', 'osd/3', ...SAMPLE, '--fail-on', 'data-loss');
  const outage = (failOn: string) =>
    tierbook('blast', 'osd/3', ...SAMPLE, '--outage', '--fail-on', failOn).code;
  assert.deepEqual([loss.code, outage('data-loss'), outage('unavailable')], [1, 0, 1], loss.stderr);
  const bad = tierbook('blast', 'osd/3', ...SAMPLE, '--fail-on', 'high');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on expects one of data-loss, unavailable, degraded, got "high"/);
  assert.equal(bad.stdout, '', 'a bad value fails before any answer');
});

test('--fail-on with no target fails when some failure domain reaches the impact', () => {
  const run = tierbook('blast', ...SAMPLE, '--fail-on', 'data-loss');
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stderr, /some failure domain: an impact at or above data-loss/);
  assert.match(run.stdout, /pool\/rook-ceph\/replicapool/);
});

test("Ceph's own spelling osd.3 is osd/3, alone and among several targets", () => {
  const canonical = tierbook('blast', 'osd/3', ...SAMPLE, '--json');
  const ceph = tierbook('blast', 'osd.3', ...SAMPLE, '--json');
  assert.equal(ceph.code, 0, ceph.stderr);
  assert.equal(ceph.stdout, canonical.stdout);
  const several = tierbook('blast', 'osd.3', 'node/k8s-1', ...SAMPLE, '--json');
  assert.equal(several.code, 0, several.stderr);
  assert.equal(several.stdout, tierbook('blast', 'osd/3', 'node/k8s-1', ...SAMPLE, '--json').stdout);
  assert.equal(JSON.parse(several.stdout).target, 'osd/3 + node/k8s-1');
  const missing = tierbook('blast', 'osd.30', ...SAMPLE);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /target "osd\/30" is not in the inventory.*closest: osd\/3/);
});

test('blast --fail-on data-loss fails on a manifests-only CloudNativePG cluster on the lost class', () => {
  const from = ['--from', 'tests/fixtures/blast/operators-from-manifests/cluster.yaml'];
  const run = tierbook('blast', 'storageclass/ceph-block', ...from, '--fail-on', 'data-loss');
  assert.equal(run.code, 1, run.stderr);
  assert.match(run.stdout, /Cluster db\/pg/);
  assert.match(run.stdout, /claims modelled from spec\.storage/);
  // With no target, a class the claims ask for but the repository does not define is listed
  // as a failure domain, so the gate sees it.
  const none = ['--from', 'tests/fixtures/blast/operators-no-default-class/cluster.yaml'];
  const domains = tierbook('blast', ...none, '--fail-on', 'data-loss');
  assert.equal(domains.code, 1, domains.stderr);
  assert.match(domains.stdout, /storageclass\/ceph-block\s+2 lose data/);
});

test('the CLI offline path keeps Longhorn Node objects: two schedulable nodes bound where replicas can be', () => {
  // Without the longhorn.io Node objects, the three Kubernetes nodes would bound wiki's 3
  // replicas to 3 distinct nodes and losing two would only degrade it.
  const cluster = join('tests', 'fixtures', 'blast', 'longhorn-schedulable-nodes', 'cluster.yaml');
  const run = tierbook('blast', 'node/node-a', 'node/node-b', '--from', cluster, '--json');
  assert.equal(run.code, 0, run.stderr);
  const result = JSON.parse(run.stdout) as { impacts: { workload: { name: string }; impact: string }[] };
  assert.equal(result.impacts.find((i) => i.workload.name === 'wiki')?.impact, 'data-loss');
});
