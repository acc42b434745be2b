import type { BackupAdapter, ProtectionAttr } from './adapter.ts';
import { cloudnativePg } from './cloudnative-pg.ts';
import { csiSnapshots } from './csi-snapshots.ts';
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
export const BACKUP_ADAPTERS = [
  velero,
  volsync,
  k8up,
  cloudnativePg,
  perconaXtradb,
  perconaMongodb,
  perconaPostgresql,
  longhorn,
  csiSnapshots,
] as const satisfies readonly BackupAdapter[];

/** The backup systems tierbook reads: the `system` of each row above. */
export type BackupSystem = (typeof BACKUP_ADAPTERS)[number]['system'];

const BY_SYSTEM = new Map<string, BackupAdapter>(BACKUP_ADAPTERS.map((a) => [a.system, a]));

/** The adapter of a system: what analysis asks of a protection (its status field, what it copies). */
export function backupAdapter(system: BackupSystem): BackupAdapter {
  const adapter = BY_SYSTEM.get(system);
  if (!adapter) throw new Error(`no backup adapter for system ${system}: a bug`);
  return adapter;
}

/** Every adapter's method words for a copy of a volume's files while the pod runs. */
export const FILE_COPY_METHODS: ReadonlySet<string> = new Set(
  BACKUP_ADAPTERS.flatMap((a) => a.fileCopyMethods ?? []),
);

/** A node's `protection` attr, as an adapter of the table above recorded it (adapter.ts). */
export function protectionOf(attr: unknown): ProtectionAttr<BackupSystem> | undefined {
  if (typeof attr !== 'object' || attr === null || !('system' in attr) || !('state' in attr))
    return undefined;
  return attr as ProtectionAttr<BackupSystem>;
}
