/**
 * A restore drill run by people from a runbook, as the browser exports its timeline
 * (docs/drills.md): which runbook, against what, each checked step with its time, initials and
 * what was seen. Recorded into content/drills/ by `tierbook drill record`, read back by the
 * inventory as restore evidence.
 */
export interface DrillRecord {
  /** The runbook id (`cnpg-restore`, `velero-restore`…). */
  runbook: string;
  /** A workload written like a blast target: `workload/<namespace>/<Kind>/<name>`. */
  target: string;
  /** The incident or drill id the steps were checked under. */
  incident: string;
  /** The cluster the inventory is published under (`--cluster`). */
  cluster: string;
  steps: DrillStep[];
  startedAt: string;
  finishedAt: string;
  /** How it ended; `succeeded` when not given. */
  result: 'succeeded' | 'partial' | 'failed';
  /** The backup restored from, in words; optional. */
  backup: string | null;
}

export interface DrillStep {
  id: string;
  checkedAt: string;
  initials: string;
  observed: string;
}

/** A drill as it was read: the record and the file it is kept in (content/drills/…). */
export interface RecordedDrill {
  file: string;
  drill: DrillRecord;
}
