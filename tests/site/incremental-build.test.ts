import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { buildStaticSite } from '../../src/site/site-build.ts';
import { PAGES_FILE } from '../../src/site/site-pages.ts';

// A rebuild renders only the pages whose data changed and keeps the others' files from the
// previous site (decision 83). The proof: after each change, the rebuilt folder is
// byte-for-byte the folder a first build of the same content makes.

const ROOT = join(import.meta.dirname, '..', '..');
let work: string;
let content: string;
let site: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'tierbook-incremental-'));
  process.env.TIERBOOK_CACHE_DIR = join(work, 'cache');
  content = join(work, 'content');
  site = join(work, 'site');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  const first = await buildStaticSite({ contentDir: content, outDir: site, notify: () => {} });
  assert.equal(first.keptPages, 0, 'a first build renders every page');
});

after(async () => {
  delete process.env.TIERBOOK_CACHE_DIR;
  await rm(work, { recursive: true, force: true });
});

/** Rebuilds `site`, builds the same content into a new folder, and compares the two. */
async function rebuildMatchesFirstBuild(label: string): Promise<number> {
  const rebuilt = await buildStaticSite({ contentDir: content, outDir: site, notify: () => {} });
  const fresh = join(work, `fresh-${label}`);
  const first = await buildStaticSite({ contentDir: content, outDir: fresh, notify: () => {} });
  assert.equal(first.keptPages, 0);
  assert.deepEqual(
    await differences(site, fresh),
    [],
    `${label}: the rebuilt site differs from a first build`,
  );
  await rm(fresh, { recursive: true, force: true });
  return rebuilt.keptPages;
}

test('one workload changed: only what shows it is rendered again, the site is the same as a first build', async () => {
  const file = join(content, 'workloads', 'apps.deployment.bookstack.md');
  const text = await readFile(file, 'utf8');
  assert.match(text, /^ {4}capacity: 20Gi$/m);
  await writeFile(file, text.replace(/^( {4}capacity: )20Gi$/m, '$1999Gi'));
  const kept = await rebuildMatchesFirstBuild('one-workload');
  const listed = Object.keys(
    (JSON.parse(await readFile(join(site, PAGES_FILE), 'utf8')) as { pages: object }).pages,
  ).length;
  assert.ok(kept > 0 && kept < listed, `kept ${kept} of ${listed} keyed pages`);
});

test('a workload removed: its page is gone, the site is the same as a first build', async () => {
  await rm(join(content, 'workloads', 'apps.deployment.paperless-redis.md'));
  const kept = await rebuildMatchesFirstBuild('removed');
  assert.ok(kept > 0);
  assert.deepEqual(
    (await files(site)).filter((f) => f.includes('paperless-redis/')),
    [],
    'the removed workload has no page left',
  );
});

test('what every page shows changed (the inventory time): every page is rendered again', async () => {
  const file = join(content, 'index.md');
  const text = await readFile(file, 'utf8');
  assert.match(text, /^takenAt: '2026-11-24T06:00:00Z'$/m);
  await writeFile(file, text.replace("takenAt: '2026-11-24T06:00:00Z'", "takenAt: '2026-11-25T06:00:00Z'"));
  assert.equal(await rebuildMatchesFirstBuild('shared'), 0);
});

async function files(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) out.push(relative(dir, join(entry.parentPath, entry.name)));
  }
  return out.sort();
}

/** What `diff -r` would report: a file in only one of the folders, or with other bytes. */
async function differences(a: string, b: string): Promise<string[]> {
  const [left, right] = [await files(a), await files(b)];
  const out = [
    ...left.filter((f) => !right.includes(f)).map((f) => `only in the rebuilt site: ${f}`),
    ...right.filter((f) => !left.includes(f)).map((f) => `only in the first build: ${f}`),
  ];
  for (const file of left.filter((f) => right.includes(f))) {
    const [x, y] = await Promise.all([readFile(join(a, file)), readFile(join(b, file))]);
    if (!x.equals(y)) out.push(`differs: ${file}`);
  }
  return out;
}
