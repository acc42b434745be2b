import { perconaAdapter } from './percona.ts';

/** Percona Server for MongoDB (psmdb.percona.com): `spec.backup.tasks[]` into `spec.backup.storages`. */
export const perconaMongodb = perconaAdapter({
  system: 'percona-mongodb',
  statusField: 'spec.backup.tasks',
  group: 'psmdb.percona.com',
  clusterKind: 'PerconaServerMongoDB',
  clusterPlural: 'perconaservermongodbs',
  backupKind: 'PerconaServerMongoDBBackup',
  backupPlural: 'perconaservermongodbbackups',
  method: 'percona-backup-mongodb',
  backupField: 'spec.backup',
  // `psmdbCluster` before operator 1.12, `clusterName` since.
  clusterFields: ['spec.clusterName', 'spec.psmdbCluster'],
  schedules: (cluster) =>
    cluster.boolean('spec.backup.enabled') === false
      ? []
      : cluster
          .indexes('spec.backup.tasks')
          .filter((i) => cluster.boolean(`spec.backup.tasks[${i}].enabled`) !== false)
          .map((i) => ({
            cron: cluster.string(`spec.backup.tasks[${i}].schedule`),
            storage: cluster.string(`spec.backup.tasks[${i}].storageName`),
          })),
  storagePath: (_cluster, storage) => `spec.backup.storages.${storage}`,
  storageField: 'spec.storageName',
  backupClaim: () => undefined,
  succeeded: new Set(['ready']),
  failed: new Set(['error', 'rejected']),
  startField: 'status.start',
  notes: (cluster) =>
    cluster.boolean('spec.backup.pitr.enabled')
      ? ['point-in-time recovery: oplog uploaded continuously']
      : [],
});
