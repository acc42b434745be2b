import type { TierbookConfig } from '../../config/model.ts';
import { isFileCopy, protectionOf } from '../../graph/backups/index.ts';
import { compare } from '../../graph/context.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { workloadKindOf } from '../workload-kinds.ts';
import type { Workload } from '../workloads.ts';
import { WorkloadLookup } from './covered-workloads.ts';
import { destinationOf } from './destination.ts';
import type { Protection, ProtectionMap } from './model.ts';

/** Velero with neither snapshots nor fs-backup copies manifests only: no data is protected. */
const MANIFESTS_ONLY = 'velero manifests only';
const LIVE_DATABASE_NOTE =
  "a file-level copy of a live database's volumes, not a database backup: it may not restore consistently";

/**
 * What protects each workload's data: every policy node the backup adapters marked, followed
 * along its `protects` edges to the workloads they reach, and its `stores-to` edge to where
 * the copy lives. Workloads with no protection are absent.
 */
export function backupCoverage(
  index: GraphIndex,
  workloads: readonly Workload[],
  config: TierbookConfig,
): ProtectionMap {
  const lookup = new WorkloadLookup(index, workloads);
  const map = new Map<string, Protection[]>();
  for (const node of index.graph.nodes) {
    const attr = protectionOf(node.attrs.protection);
    if (!attr || attr.method === MANIFESTS_ONLY) continue;
    const reached = new Map<string, { covers: Set<string>; why: string[] }>();
    for (const edge of index.out(node.id, 'protects')) {
      for (const covered of lookup.covered(edge, attr.onVolumeStorage)) {
        const entry = reached.get(covered.workload) ?? { covers: new Set<string>(), why: [] };
        for (const claim of covered.covers) entry.covers.add(claim);
        if (!entry.why.includes(covered.why)) entry.why.push(covered.why);
        reached.set(covered.workload, entry);
      }
    }
    for (const [workload, { covers, why }] of reached) {
      const claims = [...covers].sort(compare);
      const protection: Protection = {
        id: node.id,
        system: attr.system,
        method: attr.method,
        covers: claims,
        schedule: attr.schedule,
        lastSuccess: attr.lastSuccess,
        lastAttempt: attr.lastAttempt,
        state: attr.state,
        lastError: attr.lastError,
        destination: destinationOf(index, node.id, attr, claims, config),
        why: why.sort(compare),
        failedSinceSuccess: attr.failedSinceSuccess,
        notes: liveDatabaseCopy(index, workload, attr.method)
          ? [...attr.notes, LIVE_DATABASE_NOTE]
          : [...attr.notes],
      };
      map.set(workload, [...(map.get(workload) ?? []), protection]);
    }
  }
  const sorted = new Map<string, Protection[]>();
  for (const workload of [...map.keys()].sort(compare))
    sorted.set(
      workload,
      (map.get(workload) ?? []).sort((a, b) => compare(a.system, b.system) || compare(a.id, b.id)),
    );
  return sorted;
}

/** Seconds from the last success to `now`; null when it never succeeded or a time is unreadable. */
export function backupAgeSeconds(protection: Protection, now: string): number | null {
  if (!protection.lastSuccess) return null;
  const age = Date.parse(now) - Date.parse(protection.lastSuccess);
  return Number.isNaN(age) ? null : Math.floor(age / 1000);
}

function liveDatabaseCopy(index: GraphIndex, workload: string, method: string): boolean {
  const node = index.node(workload);
  return isFileCopy(index.graph, method) && node !== undefined && workloadKindOf(node)?.database === true;
}
