import type { Graph } from '../model.ts';
import { tablesOf } from '../tables.ts';
import type { BackupAdapter, ProtectionAttr } from './adapter.ts';
import { cloudnativePg } from './cloudnative-pg.ts';
import { csiSnapshotsBeside } from './csi-snapshots.ts';
import { k8up } from './k8up.ts';
import { longhorn } from './longhorn.ts';
import { perconaMongodb } from './percona-mongodb.ts';
import { perconaPostgresql } from './percona-postgresql.ts';
import { perconaXtradb } from './percona-xtradb.ts';
import { velero } from './velero.ts';
import { volsync } from './volsync.ts';

/**
 * Backup systems, run after the storage backends. Adding one: one file (`BackupAdapter<'name'>`)
 * and one line here. Its name joins `BackupSystem`, what analysis needs of it is on the adapter,
 * what it `reads` is listed live and kept offline (RESOURCE_TYPES, graph/reads.ts), and the kinds
 * of its own API only enrich (graph/enriching-kinds.ts).
 */
const SYSTEMS = [
  velero,
  volsync,
  k8up,
  cloudnativePg,
  perconaXtradb,
  perconaMongodb,
  perconaPostgresql,
  longhorn,
] as const satisfies readonly BackupAdapter[];

/** The systems above, then plain CSI snapshots: those none of them marked as its own. */
export const BACKUP_ADAPTERS = [
  ...SYSTEMS,
  csiSnapshotsBeside(SYSTEMS),
] as const satisfies readonly BackupAdapter[];

/** The backup systems tierbook reads: the `system` of each row above. */
export type BackupSystem = (typeof BACKUP_ADAPTERS)[number]['system'];

/**
 * The adapter of a system: what analysis asks of a protection (its status field, what it
 * copies), of the rows the graph was built from (graph/tables.ts).
 */
export function backupAdapter(graph: Graph, system: BackupSystem): BackupAdapter {
  const adapter = (tablesOf(graph)?.backups ?? BACKUP_ADAPTERS).find((a) => a.system === system);
  if (!adapter) throw new Error(`no backup adapter for system ${system}: a bug`);
  return adapter;
}

const FILE_COPY_METHODS = new Set(BACKUP_ADAPTERS.flatMap((a) => a.fileCopyMethods ?? []));

/** Whether a method is, in its adapter's words, a copy of a volume's files while the pod runs. */
export function isFileCopy(graph: Graph, method: string): boolean {
  const custom = tablesOf(graph)?.backups;
  return custom ? custom.some((a) => a.fileCopyMethods?.includes(method)) : FILE_COPY_METHODS.has(method);
}

/** A node's `protection` attr, as an adapter of the table above recorded it (adapter.ts). */
export function protectionOf(attr: unknown): ProtectionAttr<BackupSystem> | undefined {
  if (typeof attr !== 'object' || attr === null || !('system' in attr) || !('state' in attr))
    return undefined;
  return attr as ProtectionAttr<BackupSystem>;
}
