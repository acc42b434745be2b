import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** What bash completes for the words typed so far (the last one being completed). */
function bashCompletes(script: string, words: string[]): string[] {
  const program = `${script}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')}); COMP_CWORD=${words.length - 1}
_tierbook; printf '%s\\n' "\${COMPREPLY[@]}"`;
  const run = spawnSync('bash', ['-c', program], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return run.stdout.split('\n').filter(Boolean);
}

test("bash completion, run in bash: commands, then the options each command's help names", {
  skip: !existsSync('/bin/bash') && 'no bash here',
}, () => {
  const { code, stdout } = tierbook('completion', 'bash');
  assert.equal(code, 0);
  assert.deepEqual(bashCompletes(stdout, ['tierbook', 'b']), ['build', 'blast']);
  assert.deepEqual(bashCompletes(stdout, ['tierbook', 'blast', '--fa']), ['--fail-on']);
  assert.deepEqual(bashCompletes(stdout, ['tierbook', 'build', '--c']), ['--cache-dir', '--content']);
  assert.ok(bashCompletes(stdout, ['tierbook', 'check', '--']).includes('--kubeconfig'));
});

test('zsh and fish scripts name every command and option (their shells are not installed here)', () => {
  const zsh = tierbook('completion', 'zsh');
  assert.equal(zsh.code, 0);
  assert.match(zsh.stdout, /^#compdef tierbook kubectl-tierbook$/m);
  assert.match(zsh.stdout, /^ {4}blast\) _arguments .*'--outage\[\]'/m);
  const fish = tierbook('completion', 'fish');
  assert.equal(fish.code, 0);
  assert.match(fish.stdout, /-a inventory -d 'read a cluster/);
  assert.match(fish.stdout, /__fish_seen_subcommand_from check' -F -l fail-on$/m);
});

test('completion without a known shell is a usage error naming the shells', () => {
  const run = tierbook('completion', 'csh');
  assert.equal(run.code, 2);
  assert.match(run.stderr, /completion expects a shell: bash, zsh, fish \(got "csh"\)/);
});
