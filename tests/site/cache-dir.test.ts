import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { cacheRoot } from '../../src/io/diagram-cache.ts';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const CONTENT = join(import.meta.dirname, '..', '..', 'content');

test('the cache folder: TIERBOOK_CACHE_DIR, else $XDG_CACHE_HOME/tierbook, else ~/.cache/tierbook', () => {
  assert.equal(cacheRoot({ TIERBOOK_CACHE_DIR: '/c', XDG_CACHE_HOME: '/x' }), '/c');
  assert.equal(cacheRoot({ XDG_CACHE_HOME: '/x' }), '/x/tierbook');
  assert.equal(cacheRoot({ XDG_CACHE_HOME: '' }), join(homedir(), '.cache', 'tierbook'));
  assert.equal(cacheRoot({}), join(homedir(), '.cache', 'tierbook'));
});

test('a --cache-dir that cannot be written stops the build first: exit 2, what to set, no stack trace', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-cachedir-'));
  try {
    // A folder inside a file can never be made, even by root.
    await writeFile(join(dir, 'file'), '');
    const cache = join(dir, 'file', 'cache');
    const run = spawnSync(
      process.execPath,
      [CLI, 'build', '--content', CONTENT, '--out', join(dir, 'site'), '--cache-dir', cache],
      { encoding: 'utf8' },
    );
    assert.equal(run.status, 2, run.stderr);
    assert.equal(
      run.stderr,
      `tierbook: cannot write the cache folder ${cache} (ENOTDIR): point --cache-dir, TIERBOOK_CACHE_DIR or XDG_CACHE_HOME at a writable folder\n`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
