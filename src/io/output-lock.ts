import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { OutputError } from '../core/errors.ts';

/** A run's hold on one output folder; `notices` say what was recovered from killed runs. */
export interface OutputLock {
  notices: string[];
  release(): Promise<void>;
}

/**
 * Takes the output folder for this run: an exclusive lock file next to it (`DIR.lock`, holding
 * the pid), refused with the holder's pid while that process lives, taken over when it is gone.
 * Then recovers what killed runs left: a folder renamed away mid-swap (`DIR.old-PID-TIME`) is
 * restored when DIR is missing and removed when DIR is there (the swap had finished, the new
 * DIR holds the notes); staging folders (`DIR.tmp-PID-TIME`) of dead runs are removed.
 */
export async function lockOutput(dir: string, flag = '--out'): Promise<OutputLock> {
  const path = resolve(dir);
  const lockFile = `${path}.lock`;
  const notices: string[] = [];
  const mine = `${process.pid}\n${new Date().toISOString()}\n`;
  await mkdir(dirname(path), { recursive: true }).catch(() => undefined);
  for (let attempt = 0; ; attempt++) {
    try {
      await writeFile(lockFile, mine, { flag: 'wx' });
      break;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'EEXIST' || attempt > 0) {
        if (code === 'EEXIST') throw busy(dir, flag, lockFile, await holderOf(lockFile));
        throw new OutputError(`cannot lock ${flag} ${dir} (${lockFile}): ${(error as Error).message}`);
      }
      const holder = await holderOf(lockFile);
      if (holder.pid !== null && isAlive(holder.pid)) throw busy(dir, flag, lockFile, holder);
      notices.push(`took over ${lockFile}, left by a run that is gone (pid ${holder.pid ?? '?'})`);
      await rm(lockFile, { force: true });
    }
  }
  try {
    notices.push(...(await recoverLeftovers(path)));
  } catch (error) {
    await rm(lockFile, { force: true });
    throw error;
  }
  return { notices, release: () => rm(lockFile, { force: true }) };
}

/**
 * Removes temporary folders `<dir>/<prefix>PID-…` (default: the OS temp folder) whose process is gone: what killed runs
 * left (a demo's inventory and site, a build's private Astro cache).
 */
export async function removeDeadTempDirs(prefix: string, dir = tmpdir()): Promise<void> {
  const pattern = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(\\d+)-`);
  for (const name of await readdir(dir).catch(() => [] as string[])) {
    const pid = pattern.exec(name)?.[1];
    if (pid && Number(pid) !== process.pid && !isAlive(Number(pid))) {
      await rm(join(dir, name), { recursive: true, force: true });
    }
  }
}

/**
 * What the next writing run would recover in `dir` (for `--check`, which writes nothing):
 * a folder left missing by a run killed mid-swap, held in `DIR.old-PID-TIME`.
 */
export async function pendingRecovery(dir: string): Promise<string[]> {
  const path = resolve(dir);
  const exists = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  if (exists) return [];
  const pattern = leftoverPattern(path);
  const retired = (await readdir(dirname(path)).catch(() => [] as string[])).filter(
    (name) => pattern.exec(name)?.[1] === 'old',
  );
  return retired.map(
    (name) =>
      `${basename(path)}/ is missing but ${name} holds it (a run was stopped mid-swap): the next "tierbook inventory" restores it`,
  );
}

/** Staging (`.tmp-`) and retired (`.old-`) siblings of `dir`: `DIR.tmp-PID-TIME`. */
export function leftoverPattern(dir: string): RegExp {
  const name = basename(dir).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${name}\\.(tmp|old)-(\\d+)-(\\d+)$`);
}

async function recoverLeftovers(path: string): Promise<string[]> {
  const notices: string[] = [];
  const parent = dirname(path);
  const pattern = leftoverPattern(path);
  const entries = await readdir(parent).catch(() => [] as string[]);
  const leftovers = entries
    .map((name) => ({ name, match: pattern.exec(name) }))
    .filter((e): e is { name: string; match: RegExpExecArray } => e.match !== null)
    .map((e) => ({ name: e.name, kind: e.match[1], pid: Number(e.match[2]), time: Number(e.match[3]) }))
    .filter((e) => e.pid !== process.pid && !isAlive(e.pid))
    .sort((a, b) => b.time - a.time);
  const exists = await stat(path).then(
    (s) => s.isDirectory(),
    () => false,
  );
  const retired = leftovers.filter((e) => e.kind === 'old');
  const newest = retired[0];
  if (!exists && newest) {
    await rename(join(parent, newest.name), path);
    notices.push(
      `restored ${basename(path)}/ from ${newest.name}: a run (pid ${newest.pid}) was stopped between the two renames of its swap`,
    );
  }
  for (const e of leftovers) {
    if (!exists && e === newest) continue;
    await rm(join(parent, e.name), { recursive: true, force: true });
    notices.push(
      e.kind === 'old'
        ? `removed ${e.name}: the previous folder of a run (pid ${e.pid}) that finished its swap but was stopped before cleaning up`
        : `removed ${e.name}: the unfinished output of a run (pid ${e.pid}) that was stopped`,
    );
  }
  return notices;
}

async function holderOf(lockFile: string): Promise<{ pid: number | null; since: string }> {
  const text = await readFile(lockFile, 'utf8').catch(() => '');
  const [pid, since] = text.split('\n');
  const number = Number(pid);
  return { pid: Number.isInteger(number) && number > 0 ? number : null, since: since ?? '' };
}

function busy(dir: string, flag: string, lockFile: string, holder: { pid: number | null; since: string }) {
  return new OutputError(
    `${flag} ${dir} is in use by another tierbook run (pid ${holder.pid ?? '?'}${holder.since ? `, since ${holder.since}` : ''}): ` +
      `wait for it to finish; if no such process is running, remove ${lockFile}`,
  );
}

/** The process exists (EPERM: it does, under another user). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
