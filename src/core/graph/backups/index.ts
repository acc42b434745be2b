import type { BackupAdapter } from './adapter.ts';
import { cloudnativePg } from './cloudnative-pg.ts';
import { csiSnapshots } from './csi-snapshots.ts';
import { perconaXtradb } from './percona-xtradb.ts';
import { velero } from './velero.ts';

/** Backup systems, run after the storage backends. Adding one: one file and one line here. */
export const BACKUP_ADAPTERS: readonly BackupAdapter[] = [velero, cloudnativePg, perconaXtradb, csiSnapshots];
