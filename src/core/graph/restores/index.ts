import type { RestoreAdapter } from './adapter.ts';
import { cloudnativePgRecovery } from './cloudnative-pg.ts';
import { k8upRestore } from './k8up.ts';
import { longhornFromBackup } from './longhorn.ts';
import { perconaXtradbRestore } from './percona-xtradb.ts';
import { veleroRestore } from './velero.ts';
import { volsyncDestination } from './volsync.ts';

/**
 * Restore evidence, read after the backup adapters. Adding a system: one file
 * (`RestoreAdapter<'name'>`) and one line here. Its name joins `RestoreSystem`, what it `reads`
 * is listed live and kept offline (graph/reads.ts), and the kinds of its own API only enrich
 * (graph/enriching-kinds.ts).
 */
export const RESTORE_ADAPTERS = [
  veleroRestore,
  cloudnativePgRecovery,
  perconaXtradbRestore,
  volsyncDestination,
  k8upRestore,
  longhornFromBackup,
] as const satisfies readonly RestoreAdapter[];

/** Where restore evidence comes from: a restore adapter above (its `system`), or a recorded drill. */
export type RestoreSystem = (typeof RESTORE_ADAPTERS)[number]['system'] | 'drill';
