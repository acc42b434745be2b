/**
 * `tierbook … | head -1`: a reader that closes the pipe before tierbook writes (EPIPE) is no
 * crash and no stack trace, and the command keeps its own exit code: a guard that blocks
 * still exits 1, a success 0, bad usage 2.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, NOW, ROOT, tierbook } from '../reliability/support.ts';

/** The CLI with its stdout's reading end closed at once: every write it makes meets EPIPE. */
function withStdoutClosed(args: string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.destroy();
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', fail);
    child.on('close', (code) => done({ code, stderr }));
  });
}

const CONTENT = join(ROOT, 'content');

const CASES: [string, string[]][] = [
  ['a guard that blocks', ['guard', '--content', CONTENT, '--now', NOW, '--', 'ceph osd purge 3']],
  ['a guard that clears', ['guard', '--content', CONTENT, '--now', NOW, '--', 'kubectl get pods -A']],
  [
    'a guard that blocks, as JSON',
    ['guard', '--content', CONTENT, '--now', NOW, '--json', '--', 'wipefs -a /dev/sdc'],
  ],
  ['a blast answer', ['blast', 'osd/3', '--content', CONTENT, '--now', NOW]],
  [
    'a blast gate that fails',
    ['blast', 'osd/3', '--content', CONTENT, '--now', NOW, '--fail-on', 'data-loss'],
  ],
  ['the help', ['--help']],
  ['bad usage', ['blast', 'osd/3', '--content', CONTENT, '-o', 'toml']],
];

test('a closed stdout is no crash, and every command keeps its exit code', async () => {
  for (const [name, args] of CASES) {
    const [open, closed] = await Promise.all([tierbook(args), withStdoutClosed(args)]);
    assert.equal(closed.code, open.code, `${name}: exit ${open.code} either way`);
    assert.doesNotMatch(closed.stderr, /EPIPE|Unhandled|\n\s+at /, `${name}: no stack trace`);
    assert.equal(closed.stderr, open.stderr, `${name}: the same on stderr`);
  }
  const blocked = await withStdoutClosed(CASES[0]?.[1] ?? []);
  assert.equal(blocked.code, 1, 'a blocked command never exits 0');
});
