/**
 * Restore evidence: that someone restored a workload's data from a backup, when, how long it
 * took and how it ended. Read from the cluster's own restore objects (graph/restores) or from a
 * drill recorded by people (content/drills, docs/drills.md).
 */
import type { RestoreFacts } from '../../graph/restores/facts.ts';
import type { RestoreSystem } from '../../graph/restores/index.ts';

/** One step of a drill, with how long it took since the previous one (or the start). */
export interface DrillStepTime {
  id: string;
  checkedAt: string;
  initials: string;
  observed: string;
  /** Seconds from the previous step (the first: from the drill's start); null when a time is unreadable. */
  seconds: number | null;
}

export interface RestoreEvidence extends RestoreFacts<RestoreSystem> {
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
