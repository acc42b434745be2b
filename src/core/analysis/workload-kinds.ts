import type { Tier } from './tiers/model.ts';

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
}

const database = (what: string, root: boolean): WorkloadKind => ({
  root,
  replicates: root,
  database: true,
  tier: { tier: 1, what: `${what} (core database)` },
});
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
  'postgresql.cnpg.io/Cluster': database('a CloudNativePG PostgreSQL cluster', true),
  'pxc.percona.com/PerconaXtraDBCluster': database('a Percona XtraDB (MySQL) cluster', true),
  'psmdb.percona.com/PerconaServerMongoDB': database('a Percona MongoDB cluster', true),
  'pgv2.percona.com/PerconaPGCluster': database('a Percona PostgreSQL cluster', true),
  'postgres-operator.crunchydata.com/PostgresCluster': database('a Crunchy PostgreSQL cluster', true),
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
