import { groupOf, type KubeObject } from '../model.ts';
import type { Reads } from '../sources/resource-type.ts';
import { STORAGE_BACKENDS } from './backends/index.ts';
import { BACKUP_ADAPTERS } from './backups/index.ts';
import { OPERATOR_CLAIM_EXTRACTORS } from './kinds/operators/index.ts';
import { RESTORE_ADAPTERS } from './restores/index.ts';

const groupKinds = (rows: readonly Reads[]): string[] =>
  rows.flatMap((row) => row.reads.map((r) => `${r.group}/${r.kind}`));

/**
 * What blast radius and tiers stand on among the kinds the backup and restore adapters read: the
 * storage backends' own kinds (a Longhorn Volume) and the operators' clusters (a CloudNativePG
 * Cluster, whose backup section an adapter reads too).
 */
const FOUNDATION: ReadonlySet<string> = new Set([
  ...groupKinds(STORAGE_BACKENDS),
  ...OPERATOR_CLAIM_EXTRACTORS.flatMap((e) =>
    (typeof e.group === 'string' ? [e.group] : e.group).map((g) => `${g}/${e.kind}`),
  ),
]);

/**
 * Kinds that only enrich the analysis, by `group/Kind`: what the backup and restore adapters read
 * (backups, their runs and destinations, restores, snapshots), less the FOUNDATION above; a new
 * adapter's kinds join with its table row. Without one, tierbook sees less protection than there
 * may be (a workload looks unprotected, a destination unknown and so assumed lost): the error is
 * on the safe side. So a field of the wrong type on one of these leaves that object out, with a
 * problem recorded on it (left-out.ts), instead of refusing the whole input. Every other kind
 * (workloads, claims, volumes, classes, nodes, pools, Services, operators' clusters) is what blast
 * radius and tiers stand on: a wrong type there is an error (exit 2). docs/reliability.md has
 * this table for people.
 */
export const ENRICHING_KINDS: ReadonlySet<string> = enrichingKinds([...BACKUP_ADAPTERS, ...RESTORE_ADAPTERS]);

/** What `adapters` read, less the FOUNDATION: the derivation of ENRICHING_KINDS, for any table. */
export function enrichingKinds(adapters: readonly Reads[]): ReadonlySet<string> {
  return new Set(groupKinds(adapters).filter((kind) => !FOUNDATION.has(kind)));
}

export function onlyEnriches(object: KubeObject): boolean {
  return ENRICHING_KINDS.has(`${groupOf(object.apiVersion)}/${object.kind}`);
}
