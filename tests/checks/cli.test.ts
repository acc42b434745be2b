/**
 * The real CLI on the sample cluster (pinned output, UPDATE=1 rewrites it) and on corpus inputs
 * for exit codes: 1 at or above --fail-on (default high), 0 below it or with none, 2 on bad usage.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { assertExpected } from '../support/expected.ts';

const repo = join(import.meta.dirname, '..', '..');
const CLI = join(repo, 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', 'src/sample/cluster', '--now', '2026-11-24T06:00:00Z'];
const ROOK = '../shared/corpus/rook__rook/deploy/examples';
/** Only medium findings: the size-1 pools of Rook's test cluster, which no workload uses. */
const MEDIUM_ONLY = ['--from', `${ROOK}/cluster-test.yaml`, '--from', `${ROOK}/pool-test.yaml`];
/**
 * Nothing to find: Rook's operator (a stateless Deployment) and a StorageClass. A StorageClass
 * alone is no answer at all (no Pod, workload, PVC or PV): exit 2, see tests/cli/nothing-read.
 */
const CLEAN = ['--from', `${ROOK}/operator.yaml`, '--from', `${ROOK}/csi/rbd/storageclass.yaml`];

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, 'check', ...args], { encoding: 'utf8', cwd: repo });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

function pinned(file: string, actual: string): void {
  const path = join(import.meta.dirname, file);
  assertExpected(path, actual);
}

describe('tierbook check on the sample cluster', () => {
  it('prints the pinned JSON: exactly the contract keys', () => {
    const run = tierbook(...SAMPLE, '--json');
    assert.equal(run.code, 1, run.stderr);
    pinned('sample.expected.json', run.stdout);
    const parsed = JSON.parse(run.stdout) as { findings: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(parsed), ['findings']);
    for (const f of parsed.findings) {
      assert.deepEqual(Object.keys(f), ['rule', 'severity', 'object', 'field', 'message', 'fix']);
      assert.deepEqual(Object.keys(f.object as object), ['apiVersion', 'kind', 'namespace', 'name']);
      assert.ok(['high', 'medium', 'low'].includes(f.severity as string));
    }
  });

  it('finds the deliberate risks of src/sample/README.md', () => {
    const { findings } = JSON.parse(tierbook(...SAMPLE, '--json').stdout) as {
      findings: { rule: string; object: { kind: string; name: string }; field: string }[];
    };
    const has = (rule: string, kind: string, name: string) =>
      assert.ok(
        findings.some((f) => f.rule === rule && f.object.kind === kind && f.object.name === name),
        `${rule} on ${kind} ${name}`,
      );
    has('volatile-device-name', 'CephCluster', 'rook-ceph');
    has('volatile-device-name', 'Deployment', 'rook-ceph-osd-3');
    has('pool-low-redundancy', 'CephBlockPool', 'scratch');
    has('pool-low-redundancy', 'CephBlockPool', 'ec-data');
    has('single-replica-critical', 'Cluster', 'authentik-db');
    has('backup-in-blast-radius', 'BackupStorageLocation', 'default');
    has('backup-in-blast-radius', 'PerconaXtraDBCluster', 'pxc-main');
    has('backup-stale', 'PerconaXtraDBCluster', 'pxc-main');
    has('backup-failing', 'PerconaXtraDBCluster', 'pxc-main');
    has('snapshot-only-protection', 'Deployment', 'jellyfin');
    has('node-pinned-unprotected', 'PersistentVolume', 'pvc-ce03ce03-4cfc-4153-8f3e-e27d054fe39c');
    has('replicas-share-failure-domain', 'PerconaXtraDBCluster', 'pxc-main');
    const device = findings.find((f) => f.rule === 'volatile-device-name' && f.object.kind === 'CephCluster');
    assert.equal(device?.field, 'spec.storage.nodes[1].devices[1].name');
  });

  it('prints the pinned text: the summary first, grouped by severity, fixes, 80 columns', () => {
    const run = tierbook(...SAMPLE);
    assert.equal(run.code, 1, run.stderr);
    pinned('sample.expected.txt', run.stdout);
    const lines = run.stdout.trimEnd().split('\n');
    // The summary opens the answer: counts, then each severity's rules with their counts.
    assert.match(lines[0] ?? '', /^\d+ high, \d+ medium, \d+ low: \d+ findings\.$/);
    assert.match(lines[1] ?? '', /^ {2}high {3}[a-z-]+ \d+,/);
    assert.match(lines[lines.indexOf('') + 1] ?? '', /^HIGH \(\d+\)$/);
    assert.ok(run.stdout.indexOf('HIGH (') < run.stdout.indexOf('MEDIUM ('));
    assert.ok(run.stdout.indexOf('MEDIUM (') < run.stdout.indexOf('LOW ('));
    assert.match(lines.at(-1) ?? '', /^\d+ high, \d+ medium, \d+ low: \d+ findings\.$/);
    for (const line of lines) assert.ok([...line].length <= 80, `longer than 80 columns: ${line}`);
    assert.ok(lines.filter((l) => l.trim().startsWith('fix: ')).length > 0);
  });

  it('is reproducible with --now: the same bytes twice', () => {
    assert.equal(tierbook(...SAMPLE, '--json').stdout, tierbook(...SAMPLE, '--json').stdout);
  });

  it('measures backup ages against --now', () => {
    const early = JSON.parse(
      tierbook('--from', 'src/sample/cluster', '--now', '2026-11-20T03:30:00Z', '--json').stdout,
    ) as { findings: { rule: string; object: { name: string } }[] };
    assert.ok(!early.findings.some((f) => f.rule === 'backup-stale' && f.object.name === 'pxc-main'));
  });
});

describe('tierbook check exit codes', () => {
  it('--fail-on none never fails', () => {
    assert.equal(tierbook(...SAMPLE, '--fail-on', 'none').code, 0);
  });

  it('default high: 0 when the worst is medium; --fail-on medium or low: 1', () => {
    const run = tierbook(...MEDIUM_ONLY);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^0 high, 2 medium, 0 low: 2 findings\.\n {2}medium [^\n]+\n\nMEDIUM \(2\)/);
    assert.equal(tierbook(...MEDIUM_ONLY, '--fail-on', 'medium').code, 1);
    assert.equal(tierbook(...MEDIUM_ONLY, '--fail-on', 'low').code, 1);
    assert.equal(tierbook(...MEDIUM_ONLY, '--fail-on', 'high').code, 0);
  });

  it('nothing found: exit 0 at any level, JSON with an empty list', () => {
    const run = tierbook(...CLEAN, '--fail-on', 'low');
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'No findings.\n');
    assert.equal(tierbook(...CLEAN, '--json').stdout, '{\n  "findings": []\n}\n');
  });

  it('bad usage exits 2 and says what is expected', () => {
    const bad = tierbook(...CLEAN, '--fail-on', 'critical');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--fail-on expects one of high, medium, low, none, got "critical"/);
    assert.equal(tierbook(...CLEAN, '--now', 'yesterday').code, 2);
    assert.equal(tierbook(...CLEAN, '--config', 'no-such-tierbook.config.yaml').code, 2);
  });
});
