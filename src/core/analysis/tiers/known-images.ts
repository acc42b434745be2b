import type { Tier } from './model.ts';

/**
 * What well-known images are, by repository: `paths` match the end of the repository path
 * (`goauthentik/server`), `names` the first word of its last segment (`postgres` matches
 * `postgres`, `postgres-16`; words split on - _ .). Never a bare substring: `postgres-exporter`
 * is a sidecar, not a database (see NOT_THE_APP).
 */
export interface KnownImage {
  tier: Tier;
  /** Completes "image … is …". */
  what: string;
  paths?: readonly string[];
  names?: readonly string[];
  /**
   * Only for workloads whose "namespace/name" matches: etcd in kube-system is the cluster's own
   * datastore; Elasticsearch is a rebuildable log index only where it is named for logs.
   */
  context?: RegExp;
}

/** Words that make an image a helper of the app rather than the app: exporters, operators, tools. */
export const NOT_THE_APP: ReadonlySet<string> = new Set([
  'exporter',
  'operator',
  'backup',
  'xtrabackup',
  'pgbackrest',
  'router',
  'express',
  'commander',
  'console',
  'client',
  'cli',
  'ui',
  'admin',
  'reloader',
  'sidecar',
  'agent',
  'migrate',
  'migrations',
  'init',
  'injector',
  'webhook',
]);

export const KNOWN_IMAGES: readonly KnownImage[] = [
  {
    tier: 0,
    what: 'the identity provider Authentik',
    paths: [
      'goauthentik/server',
      'goauthentik/proxy',
      'goauthentik/ldap',
      'goauthentik/radius',
      'goauthentik/rac',
    ],
    names: ['authentik'],
  },
  { tier: 0, what: 'the identity provider Keycloak', names: ['keycloak', 'keycloakx'] },
  { tier: 0, what: 'the identity provider Dex', names: ['dex'] },
  { tier: 0, what: 'the identity provider Zitadel', names: ['zitadel'] },
  { tier: 0, what: 'the identity provider Authelia', names: ['authelia'] },
  { tier: 0, what: 'the LDAP directory LLDAP', names: ['lldap'] },
  { tier: 0, what: 'the identity provider Kanidm', paths: ['kanidm/server'], names: ['kanidm', 'kanidmd'] },
  { tier: 0, what: 'the identity service Ory', paths: ['oryd/kratos', 'oryd/hydra'] },
  { tier: 0, what: 'the secrets store Vault', names: ['vault'] },
  { tier: 0, what: 'the secrets store OpenBao', names: ['openbao'] },
  // kube-system: kubeadm's and RKE2's static pods; openshift-etcd: OpenShift's (image opaque, label app=etcd).
  {
    tier: 0,
    what: "etcd, the Kubernetes API's datastore",
    paths: ['rancher/hardened-etcd'],
    names: ['etcd'],
    context: /^(kube-system|openshift-etcd)\//,
  },
  {
    tier: 1,
    what: 'a PostgreSQL database',
    names: ['postgres', 'postgresql', 'postgis', 'timescaledb', 'pgvector', 'pgvecto', 'spilo'],
  },
  { tier: 1, what: 'a MySQL database', names: ['mysql'] },
  { tier: 1, what: 'a MariaDB database', names: ['mariadb'] },
  { tier: 1, what: 'a Percona database', names: ['percona'] },
  { tier: 1, what: 'a MongoDB database', names: ['mongo', 'mongodb'] },
  { tier: 1, what: 'a CockroachDB database', names: ['cockroach', 'cockroachdb'] },
  { tier: 1, what: 'a ClickHouse database', names: ['clickhouse'] },
  { tier: 1, what: 'an etcd datastore', names: ['etcd'] },
  {
    tier: 1,
    what: 'a database',
    names: ['cassandra', 'scylla', 'couchdb', 'couchbase', 'influxdb', 'neo4j'],
  },
  { tier: 1, what: 'a message broker that keeps data', names: ['rabbitmq', 'kafka'] },
  { tier: 1, what: 'the object store MinIO (often the backup target)', names: ['minio'] },
  { tier: 1, what: 'the object store SeaweedFS (often the backup target)', names: ['seaweedfs'] },
  {
    tier: 1,
    what: 'the object store Garage (often the backup target)',
    paths: ['dxflrs/garage'],
    names: ['garage'],
  },
  { tier: 3, what: 'the cache Redis', names: ['redis'] },
  { tier: 3, what: 'the cache Valkey', names: ['valkey'] },
  { tier: 3, what: 'the cache Memcached', names: ['memcached'] },
  { tier: 3, what: 'the cache Dragonfly', names: ['dragonfly', 'dragonflydb'] },
  { tier: 3, what: 'the cache KeyDB', names: ['keydb'] },
  { tier: 3, what: 'Prometheus (metrics)', names: ['prometheus'] },
  { tier: 3, what: 'Alertmanager', names: ['alertmanager'] },
  { tier: 3, what: 'Loki (logs)', names: ['loki'] },
  { tier: 3, what: 'Grafana (dashboards)', names: ['grafana'] },
  { tier: 3, what: 'Thanos (metrics)', names: ['thanos'] },
  { tier: 3, what: 'Mimir (metrics)', names: ['mimir'] },
  { tier: 3, what: 'Tempo (traces)', names: ['tempo'] },
  {
    tier: 3,
    what: 'a log index (Elasticsearch/OpenSearch named for logs)',
    names: ['elasticsearch', 'opensearch'],
    context: /log/,
  },
  {
    tier: 3,
    what: 'VictoriaMetrics (metrics)',
    names: ['victoria', 'vmstorage', 'vmselect', 'vminsert', 'vmsingle', 'victorialogs'],
  },
];

/** An exporter, operator or tool beside the app (NOT_THE_APP): says nothing about the data. */
export function isHelperImage(path: string): boolean {
  const name = path.slice(path.lastIndexOf('/') + 1);
  return name.split(/[-_.]/).some((w) => NOT_THE_APP.has(w));
}

/**
 * The first table entry the repository (or a bare app name, from a label) is. `workload` is
 * "namespace/name", for entries that depend on where they run.
 */
export function knownImage(path: string, workload: string): KnownImage | undefined {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const words = name.split(/[-_.]/);
  const helper = isHelperImage(path);
  return KNOWN_IMAGES.find((entry) => {
    if (entry.context && !entry.context.test(workload)) return false;
    if (entry.paths?.some((p) => path === p || path.endsWith(`/${p}`))) return true;
    return !helper && entry.names?.includes(words[0] ?? '') === true;
  });
}
