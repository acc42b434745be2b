import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MissingToolError } from '../../src/core/errors.ts';
import { openMermaidRenderer } from '../../src/io/mermaid-renderer.ts';

test('with no Chromium and nothing cached, drawing stops with a message that says what to install', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const before = process.env.TIERBOOK_CHROMIUM;
  process.env.TIERBOOK_CHROMIUM = path.join(cacheDir, 'no-such-chromium');
  const renderer = openMermaidRenderer({ cacheDir });
  try {
    await assert.rejects(renderer.renderAll(['flowchart LR\n  a --> b']), (error: unknown) => {
      assert.ok(error instanceof MissingToolError);
      assert.match(error.message, /apt-get install -y chromium fonts-dejavu-core/);
      assert.match(error.message, /TIERBOOK_CHROMIUM/);
      return true;
    });
  } finally {
    await renderer.close();
    if (before === undefined) delete process.env.TIERBOOK_CHROMIUM;
    else process.env.TIERBOOK_CHROMIUM = before;
    await rm(cacheDir, { recursive: true, force: true });
  }
});

const CLI = path.join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const CONTENT = path.join(import.meta.dirname, '..', '..', 'content');
/** Debian's Chromium hidden (/dev/null mounted over it) in a mount namespace of its own. */
const HIDE = 'mount --bind /dev/null /usr/bin/chromium && exec "$@"';
const canHide =
  existsSync('/usr/bin/chromium') &&
  spawnSync('unshare', ['-m', 'sh', '-c', HIDE, 'sh', 'test', '!', '-x', '/usr/bin/chromium']).status === 0;

test("tierbook build on a machine with no Chromium (Debian's hidden by a mount), TIERBOOK_NO_INSTALL=1: exit 2, the commands, nothing fetched, no site", {
  skip: !canHide && 'needs /usr/bin/chromium and a mount namespace (root)',
}, async () => {
  const dir = await mkdtemp(path.join(tmpdir(), 'tierbook-nochromium-'));
  try {
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      TIERBOOK_NO_INSTALL: '1',
      PLAYWRIGHT_BROWSERS_PATH: path.join(dir, 'ms-playwright'),
    };
    delete env.TIERBOOK_CHROMIUM;
    const args = [
      'build',
      '--content',
      CONTENT,
      '--out',
      path.join(dir, 'site'),
      '--cache-dir',
      path.join(dir, 'cache'),
    ];
    const run = spawnSync('unshare', ['-m', 'sh', '-c', HIDE, 'sh', process.execPath, CLI, ...args], {
      encoding: 'utf8',
      env,
    });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /^tierbook: diagrams are drawn by Chromium, and none was found/);
    assert.match(run.stderr, /TIERBOOK_NO_INSTALL=1, so nothing is fetched/);
    assert.match(run.stderr, /^ {2}npx playwright-core install chromium/m);
    assert.match(run.stderr, /^ {2}apt-get install -y chromium fonts-dejavu-core/m);
    assert.doesNotMatch(run.stderr, /^\s+at /m);
    assert.equal(existsSync(path.join(dir, 'site')), false);
    assert.equal(existsSync(path.join(dir, 'ms-playwright')), false);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
