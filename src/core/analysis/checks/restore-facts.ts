import { qualifiedName } from '../../graph/ids.ts';
import type { Analysis } from '../model.ts';
import { restoreTime } from '../restores/evidence.ts';
import type { RestoreEvidence } from '../restores/model.ts';
import { ageSecondsAt, formatAge } from './age.ts';

/**
 * "velero restore velero/wiki-drill from Backup velero/daily-… finished 2026-11-10T09:23:30Z,
 * took 23 min": how the restore rules name one restore.
 */
export function describeRestore(evidence: RestoreEvidence): string {
  const what =
    evidence.system === 'drill'
      ? `drill ${evidence.id.replace(/^drill:/, '')}${evidence.runbook ? ` (runbook ${evidence.runbook})` : ''}`
      : `${evidence.system} restore ${qualifiedName(evidence.id)}`;
  const from = evidence.backup ? ` from ${evidence.backup}` : '';
  const at = restoreTime(evidence);
  const when = at ? ` ${evidence.finishedAt ? 'finished' : 'started'} ${at}` : '';
  const took = evidence.durationSeconds !== null ? `, took ${formatAge(evidence.durationSeconds)}` : '';
  return `${what}${from}${when}${took}`;
}

/** The object a restore finding points at: the restore object, or for a drill the workload. */
export function restorePlace(
  evidence: RestoreEvidence,
  analysis: Analysis,
): { object: string; field: string } {
  if (evidence.system !== 'drill' && analysis.index.node(evidence.id))
    return { object: evidence.id, field: 'status' };
  return { object: evidence.workload, field: '' };
}

/** Seconds from a restore's time to `now`; null when it has none or a time is unreadable. */
export function restoreAgeSeconds(evidence: RestoreEvidence, now: string): number | null {
  return ageSecondsAt(restoreTime(evidence), now);
}
