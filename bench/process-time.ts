/**
 * Timing whole processes for the benchmarks that measure what a user pays per command
 * (start-up, the guard): wall and CPU milliseconds of one child, and the median of several.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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
