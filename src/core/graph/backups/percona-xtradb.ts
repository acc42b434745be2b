import { perconaAdapter } from './percona.ts';

/** Percona XtraDB Cluster (pxc.percona.com): `spec.backup.schedule[]` into `spec.backup.storages`. */
export const perconaXtradb = perconaAdapter({
  system: 'percona-xtradb',
  statusField: 'spec.backup.schedule',
  group: 'pxc.percona.com',
  clusterKind: 'PerconaXtraDBCluster',
  clusterPlural: 'perconaxtradbclusters',
  backupKind: 'PerconaXtraDBClusterBackup',
  backupPlural: 'perconaxtradbclusterbackups',
  method: 'xtrabackup',
  backupField: 'spec.backup',
  clusterFields: ['spec.pxcCluster'],
  schedules: (cluster) =>
    cluster.indexes('spec.backup.schedule').map((i) => ({
      cron: cluster.string(`spec.backup.schedule[${i}].schedule`),
      storage: cluster.string(`spec.backup.schedule[${i}].storageName`),
    })),
  storagePath: (_cluster, storage) => `spec.backup.storages.${storage}`,
  storageField: 'spec.storageName',
  // The operator writes a filesystem backup into a PVC named after the backup.
  backupClaim: (_cluster, _storage, newest) => (newest ? `xb-${newest.object.metadata.name}` : undefined),
  succeeded: new Set(['Succeeded', 'Ready']),
  failed: new Set(['Failed', 'Error']),
  startField: 'status.lastscheduled',
  notes: (cluster) =>
    cluster.boolean('spec.backup.pitr.enabled')
      ? [
          `point-in-time recovery: binlogs go to storage ${cluster.string('spec.backup.pitr.storageName') ?? '?'}`,
        ]
      : [],
});
