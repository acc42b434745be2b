/**
 * Decision 94: Astro's process starts before the content is checked, so its start-up overlaps
 * the check; a check that fails stops it (no process left behind) and leaves the previous site
 * as it was, the error naming the file and field. Linux only (/proc).
 */
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { Worker } from 'node:worker_threads';
import { InputError } from '../../src/core/errors.ts';
import { buildStaticSite } from '../../src/site/site-build.ts';
import { astroChildren } from '../support/astro-children.ts';

const ROOT = join(import.meta.dirname, '..', '..');
let work: string;
let content: string;
let site: string;

before(async () => {
  work = await mkdtemp(join(tmpdir(), 'tierbook-early-astro-'));
  content = join(work, 'content');
  site = join(work, 'site');
  await cp(join(ROOT, 'content'), content, { recursive: true });
  await buildStaticSite({
    contentDir: content,
    outDir: site,
    cacheDir: join(work, 'cache'),
    notify: () => {},
  });
});

after(async () => {
  await rm(work, { recursive: true, force: true });
});

async function snapshot(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    files.set(relative(dir, path), await readFile(path, 'base64'));
  }
  return files;
}

test('Astro starts during the check; a failed check stops it and keeps the previous site', {
  skip: process.platform !== 'linux',
}, async () => {
  const before = await snapshot(site);
  const file = join(content, 'workloads', 'apps.deployment.bookstack.md');
  const text = await readFile(file, 'utf8');
  assert.match(text, /^replicas: 1$/m);
  await writeFile(file, text.replace(/^replicas: 1$/m, 'replicas: many'));

  // Watched from a thread of its own while the build runs: the check reads content/ without
  // yielding to this thread's event loop (decision 101). The watcher reports what it saw when
  // told to stop, or after 60 s (polling every millisecond).
  const watcher = new Worker(new URL('../support/astro-children-watcher.ts', import.meta.url), {
    workerData: { pid: process.pid },
  });
  // Its first message says it is polling; the build starts only then.
  await once(watcher, 'message');
  const report = once(watcher, 'message');
  let checking = 0;
  const failure = await buildStaticSite({
    contentDir: content,
    outDir: site,
    cacheDir: join(work, 'cache'),
    notify: () => {},
    progress: (step) => {
      if (step === 'checking the content') checking += 1;
    },
  }).then(
    () => undefined,
    (error: unknown) => error,
  );
  watcher.postMessage('stop');
  const [seenPids] = (await report) as [number[]];
  await watcher.terminate();
  const seen = new Set(seenPids);

  assert.equal(checking, 1);
  assert.ok(failure instanceof InputError, `a check failure, got ${String(failure)}`);
  assert.match(`${failure.field} ${failure.message}`, /replicas.*"many"/);
  assert.match(JSON.stringify(failure.from), /apps\.deployment\.bookstack\.md/);
  assert.ok(seen.size > 0, 'Astro was started while the content was checked');
  for (const pid of seen)
    assert.equal(existsSync(`/proc/${pid}`), false, `Astro (pid ${pid}) outlived the build`);
  assert.deepEqual(astroChildren(), []);
  assert.deepEqual(await snapshot(site), before, 'the previous site changed');
  // Nothing left beside the site: no staging folder, no Astro cache lock.
  assert.deepEqual((await readdir(work)).sort(), ['cache', 'content', 'site']);
  assert.equal(existsSync(join(work, 'cache', 'astro.lock')), false);
});
