import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../core/errors.ts';

/**
 * The files of a git revision of the repository in `cwd`, written to a new temporary folder
 * (`git archive REV | tar -x`): the repository and its work tree are not touched.
 */
export async function gitTree(rev: string, cwd: string): Promise<string> {
  if (rev.startsWith('-')) throw new InputError(`--diff: "${rev}" is no git revision`);
  const dir = join(await mkdtemp(join(tmpdir(), 'tierbook-guard-diff-')), 'tree');
  await mkdir(dir);
  const run = spawnSync('sh', ['-c', 'git archive --format=tar "$1" | tar -x -C "$2"', 'sh', rev, dir], {
    cwd,
    encoding: 'utf8',
  });
  if (run.status !== 0)
    throw new InputError(
      `--diff: git revision "${rev}" could not be read in ${cwd}: ${(run.stderr || '').trim()}`,
    );
  return dir;
}
