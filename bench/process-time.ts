/**
 * Timing whole processes for the benchmarks that measure what a user pays per command
 * (start-up, the guard): wall and CPU milliseconds of one child, and the median of several.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * CPU milliseconds (user + system) of this process's finished children, from Linux's
 * /proc/self/stat (cutime, cstime; clock ticks of 10 ms); null elsewhere. On a shared machine
 * wall time stretches with everyone else's work; the CPU a process spent itself much less so.
 */
function childrenCpu(): number | null {
  try {
    const fields = readFileSync('/proc/self/stat', 'utf8')
      .replace(/^.*\) /s, '')
      .split(' ');
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return null;
  }
}

export interface ProcessTime {
  wall: number;
  /** Null where the operating system does not say. */
  cpu: number | null;
}

/** One `node ARGS` process; its exit code must be one of `ok` (an error is not a timing). */
export function timeProcess(args: readonly string[], ok: readonly number[] = [0], cwd?: string): ProcessTime {
  const cpu = childrenCpu();
  const start = performance.now();
  const run = spawnSync(process.execPath, args, { encoding: 'utf8', cwd });
  const wall = performance.now() - start;
  if (!ok.includes(run.status ?? -1)) throw new Error(`${args.join(' ')}: exit ${run.status}\n${run.stderr}`);
  const after = childrenCpu();
  return { wall, cpu: cpu === null || after === null ? null : after - cpu };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * Each case (`node ARGS`) `rounds` times after one warm-up, the cases taking turns, timed from
 * a small process of its own (bench/process-timer.ts) rather than from the benchmark: a
 * process starting another pays for its own size (Linux copies the parent's page tables to
 * fork it, and each page the parent then writes is copied again), so a benchmark holding a
 * 10,000-pod cluster in memory added tens of milliseconds to every process it timed, a bare
 * `node -e 0` included. A shell, a hook runner or a wrapper is small.
 */
export function timeInTurns(
  cases: readonly (readonly string[])[],
  rounds: number,
  ok: readonly number[] = [0],
  cwd?: string,
): ProcessTime[][] {
  const timer = join(import.meta.dirname, 'process-timer.ts');
  const run = spawnSync(process.execPath, [timer], {
    input: JSON.stringify({ cases, rounds, ok, cwd }),
    encoding: 'utf8',
    maxBuffer: 1 << 24,
  });
  if (run.status !== 0) throw new Error(`bench/process-timer.ts: exit ${run.status}\n${run.stderr}`);
  return JSON.parse(run.stdout) as ProcessTime[][];
}
