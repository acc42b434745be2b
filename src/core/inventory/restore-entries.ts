import { restoreAgeSeconds } from '../analysis/checks/restore-facts.ts';
import { tierOf } from '../analysis/checks/tier-of.ts';
import type { Analysis } from '../analysis/model.ts';
import { lastProvenRestore, restoreTime } from '../analysis/restores/evidence.ts';
import type { RestoreEvidence } from '../analysis/restores/model.ts';
import { tierTargets } from '../analysis/tiers/index.ts';

/** What a workload page and the dashboard show about restores: the evidence and the last proven one. */
export interface RestoreEntry {
  /** Every restore of its data, newest first. */
  evidence: RestoreEvidence[];
  /** The newest restore that succeeded, judged against the tier's RTO; null when none did. */
  lastProven: {
    id: string;
    at: string | null;
    /** Seconds from `at` to the inventory's time. */
    ageSeconds: number | null;
    durationSeconds: number | null;
    measured: string;
    backup: string | null;
    rto: string;
    /** Took no longer than the tier's RTO; null when the tier has none or nothing was measured. */
    withinRto: boolean | null;
  } | null;
}

export function restoreEntry(analysis: Analysis, workload: string): RestoreEntry {
  const evidence = [...(analysis.restores.get(workload) ?? [])];
  const proven = lastProvenRestore(evidence);
  if (!proven) return { evidence, lastProven: null };
  const { rto, rtoSeconds } = tierTargets(analysis.config, tierOf(analysis, workload));
  return {
    evidence,
    lastProven: {
      id: proven.id,
      at: restoreTime(proven),
      ageSeconds: restoreAgeSeconds(proven, analysis.now),
      durationSeconds: proven.durationSeconds,
      measured: proven.measured,
      backup: proven.backup,
      rto,
      withinRto:
        rtoSeconds === null || proven.durationSeconds === null ? null : proven.durationSeconds <= rtoSeconds,
    },
  };
}
