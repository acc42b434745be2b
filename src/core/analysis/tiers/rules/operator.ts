import { parseImage } from '../image-ref.ts';
import type { Tier } from '../model.ts';
import type { TierRuleSpec } from './rule.ts';

/** Operator resources by `group/Kind`: the operator tells what the data is. */
const OPERATOR_KINDS: Readonly<Record<string, { tier: Tier; what: string }>> = {
  'postgresql.cnpg.io/Cluster': { tier: 1, what: 'a CloudNativePG PostgreSQL cluster (core database)' },
  'pxc.percona.com/PerconaXtraDBCluster': {
    tier: 1,
    what: 'a Percona XtraDB (MySQL) cluster (core database)',
  },
  'psmdb.percona.com/PerconaServerMongoDB': { tier: 1, what: 'a Percona MongoDB cluster (core database)' },
  'pgv2.percona.com/PerconaPGCluster': { tier: 1, what: 'a Percona PostgreSQL cluster (core database)' },
  'postgres-operator.crunchydata.com/PostgresCluster': {
    tier: 1,
    what: 'a Crunchy PostgreSQL cluster (core database)',
  },
  'acid.zalan.do/postgresql': { tier: 1, what: 'a Zalando PostgreSQL cluster (core database)' },
  'k8s.mariadb.com/MariaDB': { tier: 1, what: 'a MariaDB operator database (core database)' },
  'mysql.oracle.com/InnoDBCluster': { tier: 1, what: 'a MySQL InnoDB cluster (core database)' },
  'mongodbcommunity.mongodb.com/MongoDBCommunity': { tier: 1, what: 'a MongoDB replica set (core database)' },
  'ceph.rook.io/CephCluster': { tier: 0, what: 'the Rook Ceph cluster (storage and its metadata)' },
  'ceph.rook.io/CephFilesystem': { tier: 0, what: 'a Rook CephFS filesystem (storage metadata)' },
  'ceph.rook.io/CephObjectStore': { tier: 0, what: 'a Rook Ceph object store (storage metadata)' },
  'ceph.rook.io/CephNFS': { tier: 0, what: 'a Rook Ceph NFS server (storage)' },
};

/**
 * Operators and controllers that hold the keys to everything else, by image repository path
 * (the end of it): storage (Rook), secrets and PKI (cert-manager, External Secrets, Sealed
 * Secrets, Vault's operators).
 */
const OPERATOR_IMAGES: readonly { paths: readonly string[]; what: string }[] = [
  { paths: ['rook/ceph'], what: 'the Rook operator, which manages Ceph storage and its metadata' },
  {
    paths: [
      'jetstack/cert-manager-controller',
      'jetstack/cert-manager-webhook',
      'jetstack/cert-manager-cainjector',
      'jetstack/trust-manager',
    ],
    what: 'cert-manager (PKI: certificates for everything else)',
  },
  { paths: ['external-secrets/external-secrets'], what: 'External Secrets (secrets for everything else)' },
  {
    paths: ['bitnami/sealed-secrets-controller', 'bitnami-labs/sealed-secrets-controller'],
    what: 'the Sealed Secrets controller (holds the key that decrypts every sealed secret)',
  },
  {
    paths: ['hashicorp/vault-secrets-operator', 'banzaicloud/vault-operator', 'bank-vaults/vault-operator'],
    what: 'a Vault operator (secrets)',
  },
];

export const operatorRule: TierRuleSpec = {
  id: 'operator',
  fixed: false,
  decide(facts) {
    const kind = OPERATOR_KINDS[`${facts.node.group}/${facts.kind}`];
    if (kind) return { tier: kind.tier, reason: `${facts.title} is ${kind.what}` };
    for (const image of facts.images) {
      const { path } = parseImage(image);
      const known = OPERATOR_IMAGES.find((o) => o.paths.some((p) => path === p || path.endsWith(`/${p}`)));
      if (known) return { tier: 0, reason: `image ${image} is ${known.what}` };
    }
    return null;
  },
};
