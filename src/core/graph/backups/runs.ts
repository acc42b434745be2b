import type { BackupState } from './adapter.ts';

/** One run of a backup as its status reports it. */
export interface BackupRun {
  /** When it started (or was created): orders the runs. */
  startedAt: string | null;
  finishedAt: string | null;
  outcome: 'success' | 'failure' | 'running';
  /** The phase, error or condition message of a failed run. */
  error: string | null;
}

export interface RunSummary {
  lastSuccess: string | null;
  lastAttempt: string | null;
  state: BackupState;
  lastError: string | null;
  failedSinceSuccess: number;
  /** Failed runs the latest success followed: not failing now, but worth a look. */
  earlierFailures: string[];
}

/**
 * The state is the latest finished run's: ok if it succeeded, failing if it failed. Runs
 * still going do not decide (a first run in progress is unknown). No runs at all is never-run.
 */
export function summariseRuns(runs: readonly BackupRun[]): RunSummary {
  const ordered = [...runs].sort(
    (a, b) => time(a.startedAt ?? a.finishedAt) - time(b.startedAt ?? b.finishedAt),
  );
  const finished = ordered.filter((r) => r.outcome !== 'running');
  const successes = finished.filter((r) => r.outcome === 'success');
  const lastSuccessRun = successes.at(-1);
  const latest = finished.at(-1);
  const newest = ordered.at(-1);
  const lastSuccessIndex = lastSuccessRun ? finished.lastIndexOf(lastSuccessRun) : -1;
  const state: BackupState =
    runs.length === 0 ? 'never-run' : !latest ? 'unknown' : latest.outcome === 'success' ? 'ok' : 'failing';
  return {
    lastSuccess: lastSuccessRun ? (lastSuccessRun.finishedAt ?? lastSuccessRun.startedAt) : null,
    lastAttempt: newest ? (newest.startedAt ?? newest.finishedAt) : null,
    state,
    lastError: latest?.outcome === 'failure' ? latest.error : null,
    failedSinceSuccess: finished.length - 1 - lastSuccessIndex,
    earlierFailures: finished
      .slice(0, Math.max(lastSuccessIndex, 0))
      .filter((r) => r.outcome === 'failure')
      .map((r) => `earlier run failed: ${r.error ?? 'no reason given'}`),
  };
}

/** Milliseconds since the epoch; an unreadable or absent time sorts first. */
export function time(value: string | null | undefined): number {
  if (!value) return Number.NEGATIVE_INFINITY;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? Number.NEGATIVE_INFINITY : ms;
}

/** The later of two timestamps (either may be absent). */
export function latestOf(a: string | null, b: string | null): string | null {
  if (!a) return b;
  if (!b) return a;
  return time(b) > time(a) ? b : a;
}
