import type { BackupAdapter } from './adapter.ts';
import type { BackupSystem } from './index.ts';

/**
 * What each registry system copies (its adapter's `copies`), apart from the adapters: a blast
 * answer from a saved analysis asks only this of a protection, and loading every adapter (and
 * the graph builder's helpers they import) to read one word each is most of its start-up.
 * tests/graph/backup-copies.test.ts holds it to the adapters, row by row.
 */
export const BACKUP_COPIES: Readonly<Record<BackupSystem, BackupAdapter['copies']>> = {
  velero: 'volumes',
  volsync: 'volumes',
  k8up: 'volumes',
  'cloudnative-pg': 'database',
  'percona-xtradb': 'database',
  'percona-mongodb': 'database',
  'percona-postgresql': 'database',
  longhorn: 'volumes',
  'csi-snapshot': 'volumes',
};
