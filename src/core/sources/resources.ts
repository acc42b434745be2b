/**
 * The kinds tierbook reads, by API group and plural. The live source lists each one once,
 * cluster-wide, at whatever version discovery says the server serves; CRDs that are not
 * installed are simply absent. Secrets are deliberately not in this table and never will be:
 * tierbook must not read them.
 */
export interface ResourceType {
  group: string;
  kind: string;
  plural: string;
}

const core = (kind: string, plural: string): ResourceType => ({ group: '', kind, plural });
const of =
  (group: string) =>
  (kind: string, plural: string): ResourceType => ({ group, kind, plural });

const apps = of('apps');
const batch = of('batch');
const storage = of('storage.k8s.io');
const snapshot = of('snapshot.storage.k8s.io');
const rook = of('ceph.rook.io');
const longhorn = of('longhorn.io');
const cnpg = of('postgresql.cnpg.io');
const velero = of('velero.io');

export const RESOURCE_TYPES: readonly ResourceType[] = [
  core('Namespace', 'namespaces'),
  core('Node', 'nodes'),
  core('Pod', 'pods'),
  core('PersistentVolumeClaim', 'persistentvolumeclaims'),
  core('PersistentVolume', 'persistentvolumes'),
  core('Service', 'services'),
  core('ConfigMap', 'configmaps'),
  apps('Deployment', 'deployments'),
  apps('StatefulSet', 'statefulsets'),
  apps('DaemonSet', 'daemonsets'),
  apps('ReplicaSet', 'replicasets'),
  batch('Job', 'jobs'),
  batch('CronJob', 'cronjobs'),
  of('networking.k8s.io')('Ingress', 'ingresses'),
  storage('StorageClass', 'storageclasses'),
  storage('CSIDriver', 'csidrivers'),
  storage('VolumeAttachment', 'volumeattachments'),
  snapshot('VolumeSnapshot', 'volumesnapshots'),
  snapshot('VolumeSnapshotContent', 'volumesnapshotcontents'),
  snapshot('VolumeSnapshotClass', 'volumesnapshotclasses'),
  rook('CephCluster', 'cephclusters'),
  rook('CephBlockPool', 'cephblockpools'),
  rook('CephFilesystem', 'cephfilesystems'),
  rook('CephObjectStore', 'cephobjectstores'),
  longhorn('Volume', 'volumes'),
  longhorn('Replica', 'replicas'),
  // Which nodes may hold replicas (spec.allowScheduling, disks) and which hold them (status).
  longhorn('Node', 'nodes'),
  longhorn('RecurringJob', 'recurringjobs'),
  longhorn('BackupTarget', 'backuptargets'),
  longhorn('Backup', 'backups'),
  cnpg('Cluster', 'clusters'),
  cnpg('Backup', 'backups'),
  cnpg('ScheduledBackup', 'scheduledbackups'),
  of('barmancloud.cnpg.io')('ObjectStore', 'objectstores'),
  of('pxc.percona.com')('PerconaXtraDBCluster', 'perconaxtradbclusters'),
  of('pxc.percona.com')('PerconaXtraDBClusterBackup', 'perconaxtradbclusterbackups'),
  of('psmdb.percona.com')('PerconaServerMongoDB', 'perconaservermongodbs'),
  of('psmdb.percona.com')('PerconaServerMongoDBBackup', 'perconaservermongodbbackups'),
  of('pgv2.percona.com')('PerconaPGCluster', 'perconapgclusters'),
  of('pgv2.percona.com')('PerconaPGBackup', 'perconapgbackups'),
  of('postgres-operator.crunchydata.com')('PostgresCluster', 'postgresclusters'),
  velero('Schedule', 'schedules'),
  velero('Backup', 'backups'),
  velero('BackupStorageLocation', 'backupstoragelocations'),
  of('volsync.backube')('ReplicationSource', 'replicationsources'),
  of('k8up.io')('Schedule', 'schedules'),
  of('k8up.io')('Backup', 'backups'),
  of('traefik.io')('Middleware', 'middlewares'),
  of('traefik.io')('IngressRoute', 'ingressroutes'),
  of('traefik.containo.us')('Middleware', 'middlewares'),
  of('traefik.containo.us')('IngressRoute', 'ingressroutes'),
];

/** Kinds that must never be read or written, whatever a file contains. */
export const NEVER_READ_KINDS: ReadonlySet<string> = new Set(['Secret']);
