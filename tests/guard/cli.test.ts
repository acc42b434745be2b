/**
 * `tierbook guard` as a process: the incident replayed on the sample cluster (an assistant
 * told to "purge the 250 GB disk, then add three 500 GB disks" picked /dev/sdc, which is osd.3
 * on k8s-2: `tierbook blast device/k8s-2/sdc`), the exit codes, and JSON output.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, NOW, REPO } from './support.ts';

const SAMPLE = ['--from', 'src/sample/cluster', '--now', NOW];

function tierbook(args: string[], input?: string) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO, input });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

const INCIDENT: [string, string[]][] = [
  ['ceph osd purge', ['--', 'ceph', 'osd', 'purge', '3', '--yes-i-really-mean-it']],
  ['the Rook plugin', ['--', 'kubectl', 'rook-ceph', 'rook', 'purge-osd', '3', '--force']],
  ['wipefs on the node', ['--node', 'k8s-2', '--', 'wipefs', '-a', '/dev/sdc']],
];

for (const [name, args] of INCIDENT) {
  test(`the incident, ${name}: blocked with data-loss naming the databases and the identity provider`, () => {
    const run = tierbook(['guard', ...SAMPLE, ...args]);
    assert.equal(run.code, 1, run.stderr);
    assert.match(run.stdout, /^tierbook guard: BLOCKED, data-loss: /);
    assert.match(run.stdout, /LOSES DATA[^\n]*: 3\n/);
    for (const lost of [
      'Cluster databases/pg-main',
      'PerconaXtraDBCluster databases/pxc-main',
      'StatefulSet auth/authentik-redis',
    ])
      assert.ok(run.stdout.includes(lost), `${lost} in\n${run.stdout}`);
    assert.match(
      run.stdout,
      /Deployment auth\/authentik-server \(image\s+\S+ is the\s+identity provider Authentik\)/,
    );
    assert.match(run.stdout, /backup barmanObjectStore \(cloudnative-pg\): survives/);
    assert.match(run.stdout, /tierbook runbook osd-(remove osd\/3|replace device\/k8s-2\/dev\/sdc)/);
    assert.match(run.stdout, /kernel[\s\n]+names?[\s\S]*can[\s\n]+move/);
    for (const line of run.stdout.split('\n')) assert.ok(line.length <= 80, `over 80 columns: ${line}`);
  });
}

test('the incident as a plan on --stdin: the purge, then adding disks', () => {
  const plan = [
    'ceph osd tree',
    'ceph osd purge 3 --yes-i-really-mean-it',
    '# then add three 500 GB disks to the CephCluster',
    'kubectl -n rook-ceph patch cephcluster rook-ceph --type merge -p \'{"spec":{"storage":{"nodes":[]}}}\'',
  ].join('\n');
  const run = tierbook(['guard', ...SAMPLE, '--stdin', '-o', 'json'], plan);
  assert.equal(run.code, 1, run.stderr);
  const answer = JSON.parse(run.stdout);
  assert.equal(answer.decision, 'block');
  assert.equal(answer.level, 'data-loss');
  assert.deepEqual(
    answer.steps.map((s: { rule: string }) => s.rule),
    ['ceph-osd-remove', 'kubectl-patch-storage'],
  );
  assert.ok(answer.runbooks.includes('tierbook runbook osd-remove osd/3'));
  assert.ok(answer.runbooks.includes('tierbook runbook cnpg-restore workload/databases/Cluster/pg-main'));
});

for (const harmless of [
  ['kubectl', 'get', 'pods', '-A'],
  ['ceph', 'osd', 'ok-to-stop', '3'],
  ['ceph osd tree && ceph -s'],
]) {
  test(`${harmless.join(' ')} passes with one line`, () => {
    const run = tierbook(['guard', ...SAMPLE, '--', ...harmless]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, 'tierbook guard: no known destructive step\n');
  });
}

test('a harmless command is answered without reading the inventory (works with the cluster down)', () => {
  const run = tierbook(['guard', '--from', 'no/such/dump', '--', 'kubectl', 'get', 'pvc', '-A']);
  assert.equal(run.code, 0, run.stderr);
});

test('a destructive command with an unreadable inventory is no pass: exit 2', () => {
  const run = tierbook(['guard', '--from', 'no/such/dump', '--', 'ceph', 'osd', 'purge', '3']);
  assert.equal(run.code, 2);
  assert.match(run.stderr, /no\/such\/dump/);
});

test('cannot tell is never silent: an unknown OSD and an unmapped kernel name exit 1', () => {
  const osd = tierbook(['guard', ...SAMPLE, '--', 'ceph osd purge 9']);
  assert.equal(osd.code, 1);
  assert.match(osd.stdout, /cannot tell: osd\.9 is not in the inventory \(known: osd\.0,/);
  const disk = tierbook(['guard', ...SAMPLE, '--node', 'k8s-2', '--', 'wipefs -a /dev/sdd']);
  assert.equal(disk.code, 1);
  assert.match(disk.stdout, /BLOCKED, cannot tell/);
  assert.match(disk.stdout, /\/dev\/sdd is a kernel name the inventory did not record on\s+k8s-2/);
});

test('--fail-on moves the gate; a bad value is a usage error', () => {
  const scale = ['--', 'kubectl scale deploy jellyfin -n media --replicas=0'];
  assert.equal(tierbook(['guard', ...SAMPLE, ...scale]).code, 0);
  assert.equal(tierbook(['guard', ...SAMPLE, '--fail-on', 'unavailable', ...scale]).code, 1);
  const bad = tierbook(['guard', ...SAMPLE, '--fail-on', 'everything', ...scale]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--fail-on expects one of data-loss, unavailable, degraded/);
});

test("--help is tierbook's only before --, and fits 80 columns", () => {
  const help = tierbook(['guard', '--help']);
  assert.equal(help.code, 0);
  for (const line of help.stdout.split('\n')) assert.ok(line.length <= 80, `over 80 columns: ${line}`);
  assert.match(help.stdout, /Exit codes: 0 no known destructive step/);
  const own = tierbook(['guard', ...SAMPLE, '--', 'ceph', 'osd', 'purge', '3', '--help']);
  assert.equal(own.code, 1);
});

test('--content answers from the committed inventory, with the cluster down, and says its age', () => {
  const run = tierbook([
    'guard',
    '--content',
    'content',
    '--now',
    NOW,
    '-o',
    'json',
    '--',
    'ceph osd purge 3',
  ]);
  assert.equal(run.code, 1, run.stderr);
  const answer = JSON.parse(run.stdout);
  assert.equal(answer.level, 'data-loss');
  const viaFrom = JSON.parse(tierbook(['guard', ...SAMPLE, '-o', 'json', '--', 'ceph osd purge 3']).stdout);
  // The same blast radius both ways; only the age notice is added.
  assert.deepEqual(answer.impacts, viaFrom.impacts);
  assert.ok(answer.assumptions.some((a: string) => a.startsWith('answered from the inventory in content')));
  const mixed = tierbook(['guard', '--content', 'content', '--from', 'src/sample', '--', 'ceph osd purge 3']);
  assert.equal(mixed.code, 2);
});

test('guard -o json validates against docs/schemas/guard.schema.json (block, cannot tell, pass)', async () => {
  const { SCHEMAS } = await import('../../src/core/schemas/index.ts');
  const { validate } = await import('../support/json-schema.ts');
  const schema = SCHEMAS.guard as Record<string, unknown>;
  for (const args of [
    ['--', 'ceph osd purge 3'],
    ['--node', 'k8s-2', '--', 'wipefs -a /dev/sdd'],
    ['--', 'velero backup delete nightly'],
    ['--', 'kubectl get pods'],
  ]) {
    const run = tierbook(['guard', '--content', 'content', '--now', NOW, '-o', 'json', ...args]);
    assert.deepEqual(validate(schema, JSON.parse(run.stdout)), [], args.join(' '));
  }
  const wrong = JSON.parse(
    tierbook(['guard', '--content', 'content', '-o', 'json', '--', 'ceph osd purge 3']).stdout,
  );
  wrong.level = 'fine';
  assert.notDeepEqual(validate(schema, wrong), []);
});
