/**
 * What the local API server knows about each kind: the discovery facts a real server derives
 * from its built-in types and installed CRDs. Rows of one group are in the server's version
 * priority order (the first version listed is the preferred one). `builtin` groups are always
 * served; the others are CRDs, served only when "installed".
 */
export interface ApiResourceDef {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  builtin?: boolean;
  shortNames?: string[];
  /** Status subresource, listed in discovery as `<plural>/status` like a real server does. */
  status?: boolean;
}

type Row = Omit<ApiResourceDef, 'group' | 'version' | 'builtin'>;

function rows(group: string, version: string, builtin: boolean, defs: Row[]): ApiResourceDef[] {
  return defs.map((def) => ({ group, version, builtin, ...def }));
}

const ns = (kind: string, plural: string, shortNames?: string[]): Row => ({
  kind,
  plural,
  singular: kind.toLowerCase(),
  namespaced: true,
  status: true,
  ...(shortNames ? { shortNames } : {}),
});
const cluster = (kind: string, plural: string, shortNames?: string[]): Row => ({
  ...ns(kind, plural, shortNames),
  namespaced: false,
});

export const API_RESOURCES: readonly ApiResourceDef[] = [
  ...rows('', 'v1', true, [
    cluster('Namespace', 'namespaces', ['ns']),
    cluster('Node', 'nodes', ['no']),
    ns('Pod', 'pods', ['po']),
    ns('PersistentVolumeClaim', 'persistentvolumeclaims', ['pvc']),
    cluster('PersistentVolume', 'persistentvolumes', ['pv']),
    ns('Service', 'services', ['svc']),
    { ...ns('ConfigMap', 'configmaps', ['cm']), status: false },
    // Served, as on every real cluster, so tests can prove tierbook never asks for it.
    { ...ns('Secret', 'secrets'), status: false },
    { ...ns('ServiceAccount', 'serviceaccounts', ['sa']), status: false },
    { ...ns('Event', 'events', ['ev']), status: false },
  ]),
  ...rows('apps', 'v1', true, [
    ns('Deployment', 'deployments', ['deploy']),
    ns('StatefulSet', 'statefulsets', ['sts']),
    ns('DaemonSet', 'daemonsets', ['ds']),
    ns('ReplicaSet', 'replicasets', ['rs']),
  ]),
  ...rows('batch', 'v1', true, [ns('Job', 'jobs'), ns('CronJob', 'cronjobs', ['cj'])]),
  ...rows('networking.k8s.io', 'v1', true, [ns('Ingress', 'ingresses', ['ing'])]),
  ...rows('storage.k8s.io', 'v1', true, [
    { ...cluster('StorageClass', 'storageclasses', ['sc']), status: false },
    { ...cluster('CSIDriver', 'csidrivers'), status: false },
    cluster('VolumeAttachment', 'volumeattachments'),
  ]),
  ...rows('snapshot.storage.k8s.io', 'v1', false, [
    ns('VolumeSnapshot', 'volumesnapshots', ['vs']),
    cluster('VolumeSnapshotContent', 'volumesnapshotcontents', ['vsc']),
    { ...cluster('VolumeSnapshotClass', 'volumesnapshotclasses', ['vsclass']), status: false },
  ]),
  ...rows('ceph.rook.io', 'v1', false, [
    ns('CephCluster', 'cephclusters'),
    ns('CephBlockPool', 'cephblockpools'),
    ns('CephFilesystem', 'cephfilesystems'),
    ns('CephObjectStore', 'cephobjectstores'),
  ]),
  // Longhorn serves v1beta2 (preferred) and the older v1beta1.
  ...['v1beta2', 'v1beta1'].flatMap((version) =>
    rows('longhorn.io', version, false, [
      ns('Volume', 'volumes', ['lhv']),
      ns('Replica', 'replicas', ['lhr']),
      ns('Node', 'nodes', ['lhn']),
      ns('RecurringJob', 'recurringjobs', ['lhrj']),
      ns('BackupTarget', 'backuptargets', ['lhbt']),
      ns('Backup', 'backups', ['lhb']),
    ]),
  ),
  ...rows('postgresql.cnpg.io', 'v1', false, [
    ns('Cluster', 'clusters'),
    ns('Backup', 'backups'),
    ns('ScheduledBackup', 'scheduledbackups'),
  ]),
  ...rows('barmancloud.cnpg.io', 'v1', false, [ns('ObjectStore', 'objectstores')]),
  ...rows('pxc.percona.com', 'v1', false, [
    ns('PerconaXtraDBCluster', 'perconaxtradbclusters', ['pxc']),
    ns('PerconaXtraDBClusterBackup', 'perconaxtradbclusterbackups', ['pxc-backup']),
    ns('PerconaXtraDBClusterRestore', 'perconaxtradbclusterrestores', ['pxc-restore']),
  ]),
  ...rows('psmdb.percona.com', 'v1', false, [
    ns('PerconaServerMongoDB', 'perconaservermongodbs', ['psmdb']),
    ns('PerconaServerMongoDBBackup', 'perconaservermongodbbackups', ['psmdb-backup']),
  ]),
  ...rows('pgv2.percona.com', 'v2', false, [
    ns('PerconaPGCluster', 'perconapgclusters', ['pg']),
    ns('PerconaPGBackup', 'perconapgbackups', ['pg-backup']),
  ]),
  ...rows('postgres-operator.crunchydata.com', 'v1beta1', false, [ns('PostgresCluster', 'postgresclusters')]),
  ...rows('velero.io', 'v1', false, [
    ns('Schedule', 'schedules'),
    ns('Backup', 'backups'),
    ns('BackupStorageLocation', 'backupstoragelocations', ['bsl']),
    ns('Restore', 'restores'),
  ]),
  ...rows('volsync.backube', 'v1alpha1', false, [
    ns('ReplicationSource', 'replicationsources'),
    ns('ReplicationDestination', 'replicationdestinations'),
  ]),
  ...rows('k8up.io', 'v1', false, [
    ns('Schedule', 'schedules'),
    ns('Backup', 'backups'),
    ns('Restore', 'restores'),
  ]),
  ...rows('traefik.io', 'v1alpha1', false, [
    { ...ns('Middleware', 'middlewares'), status: false },
    { ...ns('IngressRoute', 'ingressroutes'), status: false },
  ]),
  ...rows('traefik.containo.us', 'v1alpha1', false, [
    { ...ns('Middleware', 'middlewares'), status: false },
    { ...ns('IngressRoute', 'ingressroutes'), status: false },
  ]),
];

/** `pods` for the core group, `backups.velero.io` otherwise: kubectl's `resource.group` form. */
export function resourceKey(def: { group: string; plural: string }): string {
  return def.group === '' ? def.plural : `${def.plural}.${def.group}`;
}

export function groupVersionOf(def: { group: string; version: string }): string {
  return def.group === '' ? def.version : `${def.group}/${def.version}`;
}
