import type { BackupAdapter, BackupSystem } from './adapter.ts';
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
 * Backup systems, run after the storage backends. Adding one: one file, one line here and its
 * name in `BackupSystem` (adapter.ts); what analysis needs of it is on the adapter, and what it
 * `reads` is listed live and kept offline (RESOURCE_TYPES is derived from it, graph/reads.ts).
 */
export const BACKUP_ADAPTERS: readonly BackupAdapter[] = [
  velero,
  volsync,
  k8up,
  cloudnativePg,
  perconaXtradb,
  perconaMongodb,
  perconaPostgresql,
  longhorn,
  csiSnapshots,
];

const BY_SYSTEM = new Map(BACKUP_ADAPTERS.map((a) => [a.system, a]));

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
