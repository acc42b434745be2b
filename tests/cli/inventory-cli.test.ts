import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { NOTES_START } from '../../src/core/render/notes.ts';
import { readContentDir } from '../../src/io/content-dir.ts';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const ROOK = '../shared/corpus/rook__rook/deploy/examples';

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

async function freshDir(): Promise<string> {
  return join(await mkdtemp(join(tmpdir(), 'tierbook-cli-')), 'content');
}

test('inventory writes content/, then --check finds it current, then drift exits 1', async () => {
  const out = await freshDir();
  const args = [
    '--from',
    `${ROOK}/mysql.yaml`,
    '--from',
    `${ROOK}/csi/rbd/storageclass.yaml`,
    '--out',
    out,
    '--now',
    '2026-11-24T06:00:00Z',
  ];
  const first = tierbook('inventory', ...args);
  assert.equal(first.code, 0, first.stderr);
  assert.match(first.stdout, /Wrote .*: \d+ added/);
  assert.equal(tierbook('inventory', ...args, '--check').code, 0);
  const drifted = tierbook(
    'inventory',
    ...args.slice(0, 2),
    '--out',
    out,
    '--now',
    '2026-11-24T06:00:00Z',
    '--check',
  );
  assert.equal(drifted.code, 1);
  assert.match(drifted.stdout, /removed\s+storage\/pool\.rook-ceph\.replicapool\.md/);
});

test('without --now an unchanged inventory keeps its "taken at" time', async () => {
  const out = await freshDir();
  const args = ['--from', `${ROOK}/mysql.yaml`, '--out', out];
  assert.equal(tierbook('inventory', ...args, '--now', '2026-01-01T00:00:00Z').code, 0);
  const again = tierbook('inventory', ...args, '--check');
  assert.equal(again.code, 0, again.stdout);
});

const BAD_INPUTS: [string, string, RegExp][] = [
  [
    'truncated.json',
    '{"apiVersion": "v1", "kind": "List", "items": [{"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "a"',
    /truncated\.json:\d+/,
  ],
  ['syntax.yaml', 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: a\n   bad: [\n', /syntax\.yaml:\d+/],
  ['nokind.yaml', 'apiVersion: v1\nmetadata:\n  name: orphan\n', /nokind\.yaml:1.*kind/],
  [
    'wrongtype.yaml',
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: web\n  namespace: apps\nspec:\n  volumes: "data"\n',
    /wrongtype\.yaml:1: Pod apps\/web: field spec\.volumes: expected a list/,
  ],
];

for (const [name, text, message] of BAD_INPUTS) {
  test(`bad input ${name}: exit 2, a message naming the place, content untouched`, async () => {
    const out = await freshDir();
    assert.equal(
      tierbook('inventory', '--from', `${ROOK}/mysql.yaml`, '--out', out, '--now', '2026-11-24T06:00:00Z')
        .code,
      0,
    );
    const before = await readContentDir(out);
    const bad = join(await mkdtemp(join(tmpdir(), 'tierbook-bad-')), name);
    await writeFile(bad, text);
    const run = tierbook('inventory', '--from', bad, '--out', out);
    assert.equal(run.code, 2);
    assert.match(run.stderr, message);
    assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
    assert.deepEqual(await readContentDir(out), before);
  });
}

test('a binary file and a missing path are bad input', async () => {
  const bin = join(await mkdtemp(join(tmpdir(), 'tierbook-bin-')), 'blob.yaml');
  await writeFile(bin, Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01]));
  const binary = tierbook('inventory', '--from', bin, '--out', await freshDir());
  assert.equal(binary.code, 2);
  assert.match(binary.stderr, /blob\.yaml.*binary/);
  const missing = tierbook('inventory', '--from', '/nonexistent/tierbook/path', '--out', await freshDir());
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /\/nonexistent\/tierbook\/path/);
});

test('usage errors exit 2 and say what to do', () => {
  const unknown = tierbook('purge', 'osd/3');
  assert.equal(unknown.code, 2);
  assert.match(unknown.stderr, /unknown command "purge"/);
  const flag = tierbook('inventory', '--frm', 'x');
  assert.equal(flag.code, 2);
  assert.match(flag.stderr, /--frm/);
  assert.equal(tierbook('inventory', '--now', 'yesterday', '--from', `${ROOK}/mysql.yaml`).code, 2);
  assert.equal(tierbook('--help').code, 0);
});

test('the kubeconfig cannot be loaded: exit 3', async () => {
  const run = tierbook('inventory', '--kubeconfig', '/nonexistent/kubeconfig', '--out', await freshDir());
  assert.equal(run.code, 3, run.stderr);
  assert.match(run.stderr, /cannot read the cluster/);
});

test('Secrets in the input are never written', async () => {
  const out = await freshDir();
  const run = tierbook(
    'inventory',
    '--from',
    '../shared/corpus/cloudnative-pg__cloudnative-pg/docs/src/samples/cluster-example-full.yaml',
    '--out',
    out,
  );
  assert.equal(run.code, 0, run.stderr);
  const secretValues = ['cG9zdGdyZXM=', 'YXBw'];
  for (const text of (await readContentDir(out)).values())
    for (const value of secretValues) assert.ok(!text.includes(value));
  assert.ok((await readFile(join(out, 'index.md'), 'utf8')).length > 0);
});

// Pages are written into the staging folder as they are made (a page the same as before only
// when the folder is replaced): a run that writes nothing leaves the folder and its siblings
// exactly as they were, and a run that writes keeps every unchanged page and its notes.
const SAMPLE = 'src/sample/cluster';

async function siblings(out: string): Promise<string[]> {
  return (await readdir(dirname(out))).sort();
}

test('refused for shrinking after the pages were made: the folder as it was, no staging left', async () => {
  const out = await freshDir();
  const now = ['--now', '2026-11-24T06:00:00Z'];
  assert.equal(tierbook('inventory', '--from', SAMPLE, '--out', out, ...now).code, 0);
  const page = join(out, 'workloads', 'media.deployment.jellyfin.md');
  const noted = (await readFile(page, 'utf8')).replace(NOTES_START, `${NOTES_START}\nthe NAS is in rack 2\n`);
  await writeFile(page, noted);
  const before = await readContentDir(out);
  const shrunk = tierbook('inventory', '--from', `${ROOK}/mysql.yaml`, '--out', out, ...now);
  assert.equal(shrunk.code, 2, shrunk.stdout);
  assert.match(
    shrunk.stderr,
    /not replacing .*: it would remove \d+ of the previous inventory's \d+ object pages/,
  );
  assert.deepEqual(await readContentDir(out), before);
  assert.deepEqual(await siblings(out), ['content']);
});

test('a run that finds nothing new writes nothing: the same files, not rewritten, no staging left', async () => {
  // The same time given again, and (without --now) the time kept from the folder.
  for (const [from, again] of [
    [SAMPLE, ['--now', '2026-11-24T06:00:00Z']],
    [`${ROOK}/mysql.yaml`, []],
  ] as const) {
    const out = await freshDir();
    assert.equal(
      tierbook('inventory', '--from', from, '--out', out, '--now', '2026-11-24T06:00:00Z').code,
      0,
    );
    const index = await stat(join(out, 'index.md'));
    const before = await readContentDir(out);
    const run = tierbook('inventory', '--from', from, '--out', out, ...again);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /was already current; nothing written\.\n/);
    assert.deepEqual(await readContentDir(out), before);
    assert.equal((await stat(join(out, 'index.md'))).ino, index.ino, 'the folder was not replaced');
    assert.deepEqual(await siblings(out), ['content']);
  }
});

test('a run that changes some pages writes the unchanged ones as they were, notes and all', async () => {
  const out = await freshDir();
  assert.equal(
    tierbook('inventory', '--from', SAMPLE, '--out', out, '--now', '2026-11-24T06:00:00Z').code,
    0,
  );
  const page = join(out, 'workloads', 'media.deployment.jellyfin.md');
  const noted = (await readFile(page, 'utf8')).replace(NOTES_START, `${NOTES_START}\nthe NAS is in rack 2\n`);
  await writeFile(page, noted);
  const before = await readContentDir(out);
  const later = tierbook('inventory', '--from', SAMPLE, '--out', out, '--now', '2026-11-25T06:00:00Z');
  assert.equal(later.code, 0, later.stderr);
  assert.match(later.stdout, /Wrote .*: 0 added, [1-9]\d* changed, 0 removed/);
  const after = await readContentDir(out);
  assert.equal(after.get('workloads/media.deployment.jellyfin.md'), noted);
  // The same as a fresh run at the later time, but for the note.
  const fresh = await freshDir();
  assert.equal(
    tierbook('inventory', '--from', SAMPLE, '--out', fresh, '--now', '2026-11-25T06:00:00Z').code,
    0,
  );
  const expected = await readContentDir(fresh);
  expected.set('workloads/media.deployment.jellyfin.md', noted);
  assert.deepEqual(after, expected);
  const unchanged = [...after].filter(([path, text]) => before.get(path) === text).length;
  assert.ok(unchanged > after.size / 2, `${unchanged} of ${after.size} pages unchanged`);
  assert.deepEqual(await siblings(out), ['content']);
});
