import type { RestoreAdapter } from './adapter.ts';
import { cloudnativePgRecovery } from './cloudnative-pg.ts';
import { k8upRestore } from './k8up.ts';
import { longhornFromBackup } from './longhorn.ts';
import { perconaXtradbRestore } from './percona-xtradb.ts';
import { veleroRestore } from './velero.ts';
import { volsyncDestination } from './volsync.ts';

/**
 * Restore evidence, read after the backup adapters. Adding a system: one file, one line here, its
 * name in `RestoreSystem` (facts.ts) and its kinds in ENRICHING_KINDS (graph/left-out.ts); what it
 * `reads` is listed live and kept offline (graph/reads.ts).
 */
export const RESTORE_ADAPTERS: readonly RestoreAdapter[] = [
  veleroRestore,
  cloudnativePgRecovery,
  perconaXtradbRestore,
  volsyncDestination,
  k8upRestore,
  longhornFromBackup,
];
