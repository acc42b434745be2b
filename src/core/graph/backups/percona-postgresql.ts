import type { FieldReader } from '../../fields.ts';
import { perconaAdapter } from './percona.ts';

const REPOS = 'spec.backups.pgbackrest.repos';

/** Percona Operator for PostgreSQL v2 (pgv2.percona.com): pgBackRest repos with full/diff/incr schedules. */
export const perconaPostgresql = perconaAdapter({
  system: 'percona-postgresql',
  statusField: 'spec.backups.pgbackrest.repos',
  group: 'pgv2.percona.com',
  clusterKind: 'PerconaPGCluster',
  clusterPlural: 'perconapgclusters',
  backupKind: 'PerconaPGBackup',
  backupPlural: 'perconapgbackups',
  method: 'pgBackRest',
  backupField: 'spec.backups',
  clusterFields: ['spec.pgCluster'],
  schedules: (cluster) =>
    cluster.indexes(REPOS).flatMap((i) =>
      ['full', 'differential', 'incremental'].flatMap((type) => {
        const cron = cluster.string(`${REPOS}[${i}].schedules.${type}`);
        return cron ? [{ cron: `${cron} (${type})`, storage: cluster.string(`${REPOS}[${i}].name`) }] : [];
      }),
    ),
  storagePath: (cluster, repo) => `${REPOS}[${repoIndex(cluster, repo)}]`,
  storageField: 'spec.repoName',
  // A volume repo lives on the repo host's PVC, `<cluster>-<repo>`.
  backupClaim: (cluster, repo) => `${cluster.object.metadata.name}-${repo}`,
  succeeded: new Set(['Succeeded']),
  failed: new Set(['Failed']),
  startField: 'metadata.creationTimestamp',
  notes: () => ['WAL archived continuously by pgBackRest to the repo'],
});

function repoIndex(cluster: FieldReader, repo: string): number {
  const found = cluster.indexes(REPOS).find((i) => cluster.string(`${REPOS}[${i}].name`) === repo);
  return found ?? cluster.indexes(REPOS).length;
}
