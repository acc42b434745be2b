/**
 * What a restore object of the cluster shows (graph/restores records it as a node's `restore`
 * attr), and a recorded drill too once analysis ties it to its workload (RestoreEvidence in
 * analysis/restores/model.ts). The graph's floor, so the adapters that read restores need
 * nothing from analysis. `System` is the adapter's name as the graph writes it; read back
 * (restore-attr.ts) it is a `RestoreSystem` (index.ts): an adapter's, or `drill`.
 */

/** succeeded; partial (some items failed: Velero PartiallyFailed); failed; running (not finished, no evidence yet). */
export type RestoreResult = 'succeeded' | 'partial' | 'failed' | 'running';

/** What one restore shows, as read from its object or its drill record (JSON-safe). */
export interface RestoreFacts<System extends string = string> {
  system: System;
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
