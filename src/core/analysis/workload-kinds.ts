import type { Tier } from './tiers/model.ts';

/**
 * Where a workload kind declares what the rules talk about, so a finding can name the field an
 * operator edits.
 */
export interface WorkloadFields {
  /** How many instances run. */
  instances: string;
  /** Where the storage class of its volumes is chosen. */
  storageClass: string;
  /** Where its backup is (or would be) configured. */
  backup: string;
  /** Where pods are kept apart. */
  affinity: string;
}

/**
 * What a finding tells the operator to do for a kind, in the kind's own words (its spec fields,
 * its operator's backup); absent: the rule's general advice.
 */
export interface KindFixes {
  /** single-replica-critical: how to run more than one instance. */
  oneInstance?: string;
  /** backup-missing: how to add a backup that leaves the cluster. */
  noBackup?: string;
}

/**
 * One row per operator kind, by `group/Kind`: what tierbook knows of it as a workload. Read by
 * workloads.ts (`root`), blast/instances.ts (`replicates`), tiers/rules/operator.ts (`tier`) and
 * backups/coverage.ts (`database`), which used to keep four sets that had to agree.
 */
export interface WorkloadKind {
  /** A workload even before it owns anything (its resource read from manifests). */
  root: boolean;
  /** Every instance keeps a full copy of the data (streaming or Galera replication). */
  replicates: boolean;
  /** A database: a file copy of its live volumes (Velero fs-backup, k8up) is no database backup. */
  database: boolean;
  /** Its tier and what the data is, in words (tier rule 5, `operator`); null: no tier hint. */
  tier: { tier: Tier; what: string } | null;
  /** The fields findings name for it; absent: a Deployment's (checks/workload-fields.ts). */
  fields?: WorkloadFields;
  /** What findings tell the operator to do for it; absent: the rules' general advice. */
  fixes?: KindFixes;
}

const database = (what: string, root: boolean, fields?: WorkloadFields, fixes?: KindFixes): WorkloadKind => ({
  ...(fields ? { fields } : {}),
  ...(fixes ? { fixes } : {}),
  root,
  replicates: root,
  database: true,
  tier: { tier: 1, what: `${what} (core database)` },
});
/** The fields findings name for a kind: instances, storage class, backup, affinity. */
const at = (instances: string, storageClass: string, backup: string, affinity: string): WorkloadFields => ({
  instances,
  storageClass,
  backup,
  affinity,
});
/** Crunchy's PGO and Percona's PostgreSQL operator (built on it) share the spec's shape. */
const PGO_FIELDS = at(
  'spec.instances[].replicas',
  'spec.instances[].dataVolumeClaimSpec.storageClassName',
  'spec.backups',
  'spec.instances[].affinity',
);
const storage = (what: string, root = false): WorkloadKind => ({
  root,
  replicates: false,
  database: false,
  tier: { tier: 0, what },
});

/**
 * The databases whose resource tierbook reads (an operator model or a backup adapter `reads`
 * it) are roots that replicate; the others are tiered when their pods' ownerReferences name
 * them, and are neither.
 */
export const WORKLOAD_KINDS: Readonly<Record<string, WorkloadKind>> = {
  'postgresql.cnpg.io/Cluster': database(
    'a CloudNativePG PostgreSQL cluster',
    true,
    at('spec.instances', 'spec.storage.storageClass', 'spec.backup', 'spec.affinity'),
    {
      oneInstance:
        'set spec.instances: 3; CloudNativePG keeps streaming replicas on other nodes and fails over on its own',
      noBackup:
        'add spec.backup.barmanObjectStore (or the barman-cloud plugin) pointing at an object store outside the cluster, and a ScheduledBackup; WAL archiving then gives point-in-time recovery',
    },
  ),
  'pxc.percona.com/PerconaXtraDBCluster': database(
    'a Percona XtraDB (MySQL) cluster',
    true,
    at(
      'spec.pxc.size',
      'spec.pxc.volumeSpec.persistentVolumeClaim.storageClassName',
      'spec.backup',
      'spec.pxc.affinity',
    ),
    {
      oneInstance: 'set spec.pxc.size: 3 (Galera needs an odd number of members)',
      noBackup:
        'add spec.backup.storages (an S3 bucket outside the cluster) and spec.backup.schedule; enable pitr for binlog archiving',
    },
  ),
  'psmdb.percona.com/PerconaServerMongoDB': database(
    'a Percona MongoDB cluster',
    true,
    at(
      'spec.replsets[].size',
      'spec.replsets[].volumeSpec.persistentVolumeClaim.storageClassName',
      'spec.backup',
      'spec.replsets[].affinity',
    ),
    {
      oneInstance: 'set spec.replsets[].size: 3',
      noBackup: 'add spec.backup.storages (an S3 bucket outside the cluster) and spec.backup.tasks',
    },
  ),
  'pgv2.percona.com/PerconaPGCluster': database('a Percona PostgreSQL cluster', true, PGO_FIELDS),
  'postgres-operator.crunchydata.com/PostgresCluster': database(
    'a Crunchy PostgreSQL cluster',
    true,
    PGO_FIELDS,
  ),
  'acid.zalan.do/postgresql': database('a Zalando PostgreSQL cluster', false),
  'k8s.mariadb.com/MariaDB': database('a MariaDB operator database', false),
  'mysql.oracle.com/InnoDBCluster': database('a MySQL InnoDB cluster', false),
  'mongodbcommunity.mongodb.com/MongoDBCommunity': database('a MongoDB replica set', false),
  'ceph.rook.io/CephCluster': storage('the Rook Ceph cluster (storage and its metadata)', true),
  'ceph.rook.io/CephFilesystem': storage('a Rook CephFS filesystem (storage metadata)'),
  'ceph.rook.io/CephObjectStore': storage('a Rook Ceph object store (storage metadata)'),
  'ceph.rook.io/CephNFS': storage('a Rook Ceph NFS server (storage)'),
};

/** The row of a node's kind, if it has one. */
export function workloadKindOf(node: { group: string; kind: string }): WorkloadKind | undefined {
  return WORKLOAD_KINDS[`${node.group}/${node.kind}`];
}
