import { RUNBOOK_SYSTEMS } from '../../drills/runbook-systems.ts';
import { time } from '../../graph/backups/runs.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { restoreOf } from '../../graph/restores/restore-attr.ts';
import { compare } from '../../order.ts';
import { WorkloadLookup } from '../backups/covered-workloads.ts';
import type { Workload } from '../workloads.ts';
import type { RestoreEvidence, RestoreMap } from './model.ts';

/**
 * What restored each workload's data: every restore node the adapters marked, followed along its
 * `restores` edges to the workloads whose data it put back (a namespace: every workload there
 * keeping data in claims; a PVC: the workloads mounting it; an operator's cluster: itself), plus
 * the evidence recorded by people (drills, already tied to their workload). Newest first.
 */
export function restoreEvidence(
  index: GraphIndex,
  workloads: readonly Workload[],
  recorded: readonly RestoreEvidence[] = [],
): RestoreMap {
  const lookup = new WorkloadLookup(index, workloads);
  const map = new Map<string, RestoreEvidence[]>();
  const add = (evidence: RestoreEvidence) =>
    map.set(evidence.workload, [...(map.get(evidence.workload) ?? []), evidence]);
  for (const node of index.graph.nodes) {
    const attr = restoreOf(node.attrs.restore);
    if (!attr) continue;
    const reached = new Map<string, string>();
    for (const edge of index.out(node.id, 'restores'))
      for (const covered of lookup.covered(edge, true))
        if (!reached.has(covered.workload)) reached.set(covered.workload, covered.why);
    for (const [workload, why] of reached) add({ id: node.id, workload, why, ...attr });
  }
  for (const evidence of recorded) add(evidence);
  const sorted = new Map<string, RestoreEvidence[]>();
  for (const workload of [...map.keys()].sort(compare))
    sorted.set(workload, (map.get(workload) ?? []).sort(newestFirst));
  return sorted;
}

/** When a restore ended, or (not ended) began: what orders evidence. */
export function restoreTime(evidence: RestoreEvidence): string | null {
  return evidence.finishedAt ?? evidence.startedAt;
}

function newestFirst(a: RestoreEvidence, b: RestoreEvidence): number {
  return time(restoreTime(b)) - time(restoreTime(a)) || compare(a.id, b.id);
}

/** The newest restore that ended (succeeded, partial or failed); running ones prove nothing yet. */
export function lastFinishedRestore(
  evidence: readonly RestoreEvidence[] | undefined,
): RestoreEvidence | null {
  return evidence?.find((e) => e.result !== 'running') ?? null;
}

/** The newest restore that succeeded: the last proven one. */
export function lastProvenRestore(evidence: readonly RestoreEvidence[] | undefined): RestoreEvidence | null {
  return evidence?.find((e) => e.result === 'succeeded') ?? null;
}

/**
 * The newest succeeded restore from one backup policy: evidence naming that policy, or (when the
 * evidence names none: a CloudNativePG recovery, a drill) evidence of the same system (a drill's
 * system is its runbook's, RUNBOOK_SYSTEMS).
 */
export function lastRestoreFrom(
  evidence: readonly RestoreEvidence[] | undefined,
  policy: string,
  system: string,
): RestoreEvidence | null {
  return (
    evidence?.find(
      (e) =>
        e.result === 'succeeded' && (e.policy === policy || (e.policy === null && systemOf(e) === system)),
    ) ?? null
  );
}

function systemOf(evidence: RestoreEvidence): string {
  return evidence.system === 'drill' ? (RUNBOOK_SYSTEMS[evidence.runbook ?? ''] ?? 'drill') : evidence.system;
}
