import { execFile } from 'node:child_process';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';

export const ROOT = join(import.meta.dirname, '..', '..');
export const CLI = join(ROOT, 'scripts', 'tierbook.ts');
export const SAMPLE = join(ROOT, 'src', 'sample', 'cluster');
export const NOW = '2026-11-24T06:00:00Z';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Runs the CLI in a child process without blocking this one (a test may serve an API from it).
 * `nodeArgs` go before the script (e.g. `--import` of a fault-injecting preload).
 */
export function tierbook(args: string[], nodeArgs: string[] = []): Promise<Run> {
  return new Promise((done) => {
    execFile(
      process.execPath,
      [...nodeArgs, CLI, ...args],
      { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        done({ code, stdout, stderr });
      },
    );
  });
}

export function scratch(prefix = 'tierbook-rel-'): Promise<string> {
  return mkdtemp(join(tmpdir(), prefix));
}

/**
 * The committed sample content/ copied to `dir/name` in a scratch folder that is removed after
 * the test; `dir` is there for the test's other files.
 */
export async function sampleContentCopy(
  t: TestContext,
  name = 'content',
): Promise<{ dir: string; content: string }> {
  const dir = await scratch();
  t.after(() => rm(dir, { recursive: true, force: true }));
  const content = join(dir, name);
  await cp(join(ROOT, 'content'), content, { recursive: true });
  return { dir, content };
}

/** A clear error: no "internal error", no stack trace. */
export function isClean(run: Run): boolean {
  return !/internal error/.test(run.stderr) && !/\n\s+at /.test(run.stderr);
}
