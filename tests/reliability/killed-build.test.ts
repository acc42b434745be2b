/**
 * Data loss 2 of issue 11, for the site: a build killed (SIGKILL) while Astro runs leaves no
 * orphaned Astro process, and the next build cleans up its staging folder and lock and
 * succeeds. Linux only (/proc); bounded to about 40 s.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, ROOT, scratch, tierbook } from './support.ts';

async function childrenOf(pid: number): Promise<number[]> {
  const text = await readFile(`/proc/${pid}/task/${pid}/children`, 'utf8').catch(() => '');
  return text.split(/\s+/).filter(Boolean).map(Number);
}

async function isAstroBuild(pid: number): Promise<boolean> {
  const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8').catch(() => '');
  return cmdline.includes('astro-build-process');
}

const alive = (pid: number) => existsSync(`/proc/${pid}`);
const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

test('a build killed while Astro runs leaves no Astro process; the next build recovers', {
  skip: process.platform !== 'linux',
}, async () => {
  const dir = await scratch();
  const out = join(dir, 'site');
  const cli = spawn(process.execPath, [CLI, 'build', '--content', join(ROOT, 'content'), '--out', out], {
    stdio: 'ignore',
  });
  assert.ok(cli.pid);
  let astro: number | undefined;
  for (let waited = 0; astro === undefined && waited < 30_000; waited += 100) {
    for (const pid of await childrenOf(cli.pid)) if (await isAstroBuild(pid)) astro = pid;
    if (astro === undefined) await sleep(100);
  }
  assert.ok(astro, 'the build started Astro');
  cli.kill('SIGKILL');
  await new Promise((done) => cli.once('close', done));
  for (let waited = 0; alive(astro) && waited < 10_000; waited += 100) await sleep(100);
  assert.equal(alive(astro), false, `Astro (pid ${astro}) outlived the killed build`);

  const again = await tierbook(['build', '--content', join(ROOT, 'content'), '--out', out]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /took over .*site\.lock/);
  assert.deepEqual(await readdir(dir), ['site']);
  assert.ok(existsSync(join(out, '.tierbook-site')));
});
