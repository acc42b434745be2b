/** `tierbook runbooks` and `tierbook runbook` on the sample cluster, through the CLI. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', 'src/sample/cluster', '--now', '2026-11-24T06:00:00Z'];

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '..', '..'),
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('runbooks -o json lists osd-remove for every OSD of the sample', () => {
  const run = tierbook('runbooks', ...SAMPLE, '-o', 'json');
  assert.equal(run.code, 0, run.stderr);
  const { runbooks } = JSON.parse(run.stdout) as { runbooks: { id: string; targets: (string | null)[] }[] };
  const osdRemove = runbooks.find((r) => r.id === 'osd-remove');
  assert.deepEqual(osdRemove?.targets, ['osd/0', 'osd/1', 'osd/2', 'osd/3', 'osd/4', 'osd/5']);
});

test('runbooks text groups by failure domain and says how to print one', () => {
  const run = tierbook('runbooks', ...SAMPLE);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^Failure domains:\n/);
  assert.match(run.stdout, /\n {2}osd\/0 +osd-remove, osd-replace\n/);
  assert.match(run.stdout, /Print one: tierbook runbook ID TARGET/);
});

test('runbook osd-remove osd/3 prints the gates before the first step, and the incident', () => {
  const run = tierbook('runbook', 'osd-remove', 'osd/3', ...SAMPLE, '--incident', 'INC-7');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^# Remove a Rook-Ceph OSD: osd\/3\n\nIncident INC-7; cluster cluster;/);
  const gates = run.stdout.indexOf('## Gates');
  const first = run.stdout.indexOf('## 1. ');
  assert.ok(gates > 0 && first > gates);
  assert.match(run.stdout, /- \*\*FAIL\*\* data-loss: 3 workload\(s\) lose data/);
  assert.match(run.stdout, /ceph osd purge 3 --yes-i-really-mean-it\n```/);
});

test('runbook osd.3 (Ceph spelling) --json is the BoundRunbook object', () => {
  const run = tierbook('runbook', 'osd-remove', 'osd.3', ...SAMPLE, '--json');
  assert.equal(run.code, 0, run.stderr);
  const bound = JSON.parse(run.stdout);
  assert.equal(bound.id, 'osd-remove');
  assert.equal(bound.target, 'osd/3');
  assert.equal(bound.inventoryTakenAt, '2026-11-24T06:00:00Z');
  assert.deepEqual(
    bound.gates.map((g: { id: string; status: string }) => `${g.id}:${g.status}`),
    ['read:pass', 'data-loss:fail', 'backups:fail', 'device-id:unknown'],
  );
  assert.equal(bound.steps.find((s: { id: string }) => s.id === 'purge').pointOfNoReturn !== null, true);
});

test('an unknown runbook id or target is a usage error with the closest names (exit 2)', () => {
  const id = tierbook('runbook', 'osd-remov', 'osd/3', ...SAMPLE);
  assert.equal(id.code, 2);
  assert.match(id.stderr, /no runbook "osd-remov"; did you mean osd-remove[,?]/);
  const target = tierbook('runbook', 'osd-remove', 'osd/33', ...SAMPLE);
  assert.equal(target.code, 2);
  assert.match(
    target.stderr,
    /target "osd\/33" is not in the inventory \(expected osd\/<id>\); closest: osd\/3/,
  );
  const wrong = tierbook('runbook', 'osd-remove', 'node/k8s-2', ...SAMPLE);
  assert.equal(wrong.code, 2);
  assert.match(wrong.stderr, /runbook osd-remove does not apply to node\/k8s-2: it applies to osd/);
  const none = tierbook('runbook', 'osd-remove', ...SAMPLE);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /runbook osd-remove needs a target: it applies to osd/);
  const format = tierbook('runbooks', ...SAMPLE, '-o', 'html');
  assert.equal(format.code, 2);
  assert.match(format.stderr, /-o\/--output expects json or yaml, got "html"/);
});

test('--help of both commands fits in 80 columns for their own lines', () => {
  for (const command of ['runbook', 'runbooks']) {
    const run = tierbook(command, '--help');
    assert.equal(run.code, 0, run.stderr);
    // The shared --content and read-limit lines (CONTENT_HELP, READ_LIMITS_HELP) are not theirs.
    const own = run.stdout.split(/\n {2}--content DIR/)[0] ?? '';
    for (const line of own.split('\n')) assert.ok(line.length <= 80, `${command}: ${line}`);
  }
});

test('--content content/ binds against the committed inventory: same hash as the page it wrote', () => {
  const run = tierbook(
    'runbook',
    'osd-remove',
    'osd/3',
    '--content',
    'content',
    '--now',
    '2026-11-24T06:00:00Z',
    '-o',
    'json',
  );
  assert.equal(run.code, 0, run.stderr);
  const bound = JSON.parse(run.stdout) as { hash: string; inventoryTakenAt: string };
  const page = readFileSync(
    join(import.meta.dirname, '..', '..', 'content', 'runbooks', 'osd-remove.osd.3.md'),
    'utf8',
  );
  assert.equal(/\n {2}hash: (\w+)\n/.exec(page)?.[1], bound.hash);
  assert.equal(bound.inventoryTakenAt, '2026-11-24T06:00:00Z');
  const list = tierbook('runbooks', '--content', 'content', '--json');
  assert.equal(list.code, 0, list.stderr);
  const mixed = tierbook('runbooks', '--content', 'content', '--from', 'src/sample/cluster');
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /--content reads a committed inventory; it does not mix with --from/);
});
