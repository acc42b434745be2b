/**
 * Data loss 2 and 3 of issue 11: a run killed mid-swap is recovered by the next one (notes
 * never lost), one run at a time per output folder, and notes saved while a run is writing are
 * kept. The kill -9 loop is bounded (5 kills, about 20 s).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { readContentDir, writeContentDir } from '../../src/io/content-dir.ts';
import { CLI, isClean, NOW, SAMPLE, scratch, tierbook } from './support.ts';

const NOTE = 'On call: Carol at 555 0199';
const PAGE = join('workloads', 'monitoring.deployment.grafana.md');

/** A pid that was alive a moment ago and is not any more: what a killed run leaves behind. */
function deadPid(): number {
  const pid = spawnSync(process.execPath, ['-e', '']).pid;
  assert.ok(pid);
  return pid;
}

const inventory = (out: string, now = NOW) =>
  tierbook(['inventory', '--from', SAMPLE, '--now', now, '--cluster', 'homelab', '--out', out]);

async function inventoryWithNote(dir: string): Promise<string> {
  const out = join(dir, 'content');
  const run = await inventory(out);
  assert.equal(run.code, 0, run.stderr);
  const text = await readFile(join(out, PAGE), 'utf8');
  await writeFile(
    join(out, PAGE),
    text.replace(/(<!-- tierbook:notes:start -->)[\s\S]*(<!-- tierbook:notes:end -->)/, `$1\n${NOTE}\n$2`),
  );
  return out;
}

test('killed between the two renames: the next run restores the folder, notes kept', async () => {
  const dir = await scratch();
  const out = await inventoryWithNote(dir);
  const pid = deadPid();
  // The state a SIGKILL between rename(content → .old) and rename(.tmp → content) leaves.
  await rename(out, `${out}.old-${pid}-1000`);
  await mkdir(`${out}.tmp-${pid}-1000`);
  await writeFile(`${out}.tmp-${pid}-1000`.concat('/index.md'), 'half written');
  const check = await tierbook([
    'inventory',
    '--from',
    SAMPLE,
    '--cluster',
    'homelab',
    '--out',
    out,
    '--check',
  ]);
  assert.match(check.stderr, new RegExp(`content/ is missing but content\\.old-${pid}-1000 holds it`));
  const run = await inventory(out, '2026-11-25T06:00:00Z');
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`restored content/ from content\\.old-${pid}-1000`));
  assert.match(run.stderr, /removed content\.tmp-\d+-1000: the unfinished output/);
  assert.match(await readFile(join(out, PAGE), 'utf8'), new RegExp(NOTE));
  assert.deepEqual(await readdir(dir), ['content']);
});

test('killed after the swap, before cleaning up: the leftover is removed with a message', async () => {
  const dir = await scratch();
  const out = await inventoryWithNote(dir);
  const pid = deadPid();
  await mkdir(`${out}.old-${pid}-1000`);
  const run = await inventory(out);
  assert.equal(run.code, 0, run.stderr);
  assert.match(
    run.stderr,
    /removed content\.old-\d+-1000: the previous folder of a run .* finished its swap/,
  );
  assert.deepEqual(await readdir(dir), ['content']);
});

test('a second run on the same folder exits 2 naming the holder; a dead holder is taken over', async () => {
  const dir = await scratch();
  const out = await inventoryWithNote(dir);
  // This test process stands for a run in progress.
  await writeFile(`${out}.lock`, `${process.pid}\n2026-11-24T06:00:00Z\n`);
  const busy = await inventory(out);
  assert.equal(busy.code, 2, busy.stderr);
  assert.match(
    busy.stderr,
    new RegExp(`in use by another tierbook run \\(pid ${process.pid}, since 2026-11-24T06:00:00Z\\)`),
  );
  assert.ok(isClean(busy), busy.stderr);
  await writeFile(join(dir, 'site.lock'), `${process.pid}\n2026-11-24T06:00:00Z\n`);
  const build = await tierbook(['build', '--content', out, '--out', join(dir, 'site')]);
  assert.equal(build.code, 2, build.stderr);
  assert.match(
    build.stderr,
    new RegExp(`--out .*site is in use by another tierbook run \\(pid ${process.pid}`),
  );
  await rm(join(dir, 'site.lock'));

  const pid = deadPid();
  await writeFile(`${out}.lock`, `${pid}\n2026-11-24T06:00:00Z\n`);
  const after = await inventory(out, '2026-11-25T06:00:00Z');
  assert.equal(after.code, 0, after.stderr);
  assert.match(
    after.stderr,
    new RegExp(`took over .*content\\.lock, left by a run that is gone \\(pid ${pid}\\)`),
  );
  assert.deepEqual(await readdir(dir), ['content'], 'the lock is released');
  assert.match(await readFile(join(out, PAGE), 'utf8'), new RegExp(NOTE));
});

test('notes saved while a run is writing are kept: the pages are rendered again at swap time', async () => {
  const dir = await scratch();
  const out = join(dir, 'content');
  const page = (notes: string) =>
    `---\ntype: workload\n---\n# a\n\n<!-- tierbook:notes:start -->${notes}<!-- tierbook:notes:end -->\n`;
  await writeContentDir(out, new Map([['workloads/a.md', page('\nold\n')]]));
  const previous = await readContentDir(out);
  // The run rendered from `previous`; meanwhile an operator saves a note.
  await writeFile(join(out, 'workloads', 'a.md'), page('\nsaved during the run\n'));
  const render = (current: ReadonlyMap<string, string>) => {
    const text = current.get('workloads/a.md') ?? '';
    return new Map([['workloads/a.md', page(text.slice(text.indexOf('-->') + 3, text.lastIndexOf('<!--')))]]);
  };
  await writeContentDir(out, render(previous), { previous, render });
  assert.match(await readFile(join(out, 'workloads', 'a.md'), 'utf8'), /saved during the run/);
});

test('kill -9 at any moment, 5 times: the next run always recovers and the note survives', async () => {
  const dir = await scratch();
  const out = await inventoryWithNote(dir);
  for (let i = 0; i < 5; i++) {
    const now = `2026-11-${String(25 + i).padStart(2, '0')}T06:00:00Z`;
    const child = spawn(
      process.execPath,
      [CLI, 'inventory', '--from', SAMPLE, '--now', now, '--cluster', 'homelab', '--out', out],
      {
        stdio: 'ignore',
      },
    );
    // Listen before waiting: on a fast machine the run may finish before the kill.
    const closed = new Promise((done) => child.once('close', done));
    await Promise.race([closed, new Promise((done) => setTimeout(done, 300 + i * 450))]);
    child.kill('SIGKILL');
    await closed;
    const names = await readdir(dir);
    assert.ok(
      names.includes('content') || names.some((n) => n.startsWith('content.old-')),
      `after kill ${i}: ${names.join(', ')}`,
    );
  }
  const run = await inventory(out, '2026-12-01T06:00:00Z');
  assert.equal(run.code, 0, run.stderr);
  assert.match(await readFile(join(out, PAGE), 'utf8'), new RegExp(NOTE));
  assert.deepEqual(await readdir(dir), ['content']);
});

test('temporary folders of a killed demo (in the cache folder) are removed by the next one', async () => {
  const cache = await scratch();
  const left = join(cache, 'tmp', `tierbook-demo-${deadPid()}-x1`);
  await mkdir(join(left, 'content'), { recursive: true });
  const run = await tierbook(['demo', '--no-build', '--cache-dir', cache]);
  assert.equal(run.code, 0, run.stderr);
  assert.equal(existsSync(left), false);
  const kept = /Wrote (.*tierbook-demo-\d+-[^/]+)\/content\//.exec(run.stdout)?.[1];
  assert.ok(kept, run.stdout);
  await rm(kept, { recursive: true, force: true });
});
