/**
 * Restore evidence: that someone restored a workload's data from a backup, when, how long it
 * took and how it ended. Read from the cluster's own restore objects (graph/restores) or from a
 * drill recorded by people (content/drills, docs/drills.md).
 */
export type RestoreSystem =
  | 'velero'
  | 'cloudnative-pg'
  | 'percona-xtradb'
  | 'volsync'
  | 'k8up'
  | 'longhorn'
  | 'drill';

/** succeeded; partial (some items failed: Velero PartiallyFailed); failed; running (not finished, no evidence yet). */
export type RestoreResult = 'succeeded' | 'partial' | 'failed' | 'running';

/** One step of a drill, with how long it took since the previous one (or the start). */
export interface DrillStepTime {
  id: string;
  checkedAt: string;
  initials: string;
  observed: string;
  /** Seconds from the previous step (the first: from the drill's start); null when a time is unreadable. */
  seconds: number | null;
}

/** What one restore shows, as read from its object or its drill record (JSON-safe). */
export interface RestoreFacts {
  system: RestoreSystem;
  /** The backup restored from, as named ("Backup velero/daily-20261101"); null when not said. */
  backup: string | null;
  /** Graph node id of the backup policy or backup object, when known (matches a Protection id). */
  policy: string | null;
  startedAt: string | null;
  finishedAt: string | null;
  /** How long it took; null when both ends are not known. */
  durationSeconds: number | null;
  /** What the duration measures, in words ("status.startTimestamp to status.completionTimestamp"). */
  measured: string;
  result: RestoreResult;
  /** The phase, state or error as the API says it, for a restore that did not simply succeed. */
  detail: string | null;
}

export interface RestoreEvidence extends RestoreFacts {
  /** Graph node id of the restore object, or `drill:<file name>` for a recorded drill. */
  id: string;
  /** The workload whose data was restored. */
  workload: string;
  /** How the restore was tied to the workload ("Restore velero/r1 restored namespace apps"). */
  why: string;
  /** A drill's steps; absent for restores read from the cluster. */
  steps?: DrillStepTime[];
  /** A drill's runbook and incident id. */
  runbook?: string;
  incident?: string;
}

/** workload id → its restore evidence, newest first; workloads with none are absent. */
export type RestoreMap = ReadonlyMap<string, readonly RestoreEvidence[]>;
