/**
 * A CloudNativePG Cluster with what its operator creates: instance Pods `<cluster>-<n>` and their
 * PVCs (`<cluster>-<n>` for PGDATA, `<cluster>-<n>-wal` for a separate WAL volume), all owned by
 * the Cluster, and the `-rw` / `-ro` / `-r` Services (cloudnative-pg pkg/specs services.go, pvcs.go).
 */
import { safeSuffix, sha256 } from '../build/ids.ts';
import { service } from '../build/network.ts';
import { pod } from '../build/pods.ts';
import type { Sample } from '../build/sample.ts';
import { shift } from '../build/time.ts';
import type { AreaFile, KubeObject, Labels, Volume } from '../build/types.ts';
import { claim } from '../build/volumes.ts';

export const CNPG_VERSION = '1.24.1';
const POSTGRES_IMAGE = 'ghcr.io/cloudnative-pg/postgresql:16.4';

export interface StorageSpec {
  storageClass: string;
  size: string;
}

export interface CnpgInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  podsStarted: string;
  /** One node per instance; instance 1 is the primary. */
  nodes: string[];
  storage: StorageSpec;
  walStorage?: StorageSpec;
  /** `spec.backup`, when the cluster has one. */
  backup?: Record<string, unknown>;
  /** `status` fields about backups and archiving (lastSuccessfulBackup, conditions…). */
  backupStatus?: {
    lastSuccessfulBackup: string;
    firstRecoverabilityPoint: string;
    lastArchivedWalTime: string;
  };
  labels?: Labels;
  database: string;
}

const condition = (type: string, reason: string, message: string, since: string) => ({
  lastTransitionTime: since,
  message,
  reason,
  status: 'True',
  type,
});

export function cnpgCluster(sample: Sample, input: CnpgInput): KubeObject {
  const { name, namespace } = input;
  const instanceNames = input.nodes.map((_, i) => `${name}-${i + 1}`);
  const pvcNames = instanceNames.flatMap((n) => (input.walStorage ? [n, `${n}-wal`] : [n]));
  const readySince = shift(input.podsStarted, 300);
  const status = input.backupStatus;
  const cluster = sample.add(input.file, {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: sample.meta('Cluster', {
      name,
      namespace,
      created: input.created,
      generation: 3,
      ...(input.labels ? { labels: input.labels } : {}),
    }),
    spec: {
      affinity: { podAntiAffinityType: 'preferred', topologyKey: 'kubernetes.io/hostname' },
      ...(input.backup ? { backup: input.backup } : {}),
      bootstrap: {
        initdb: {
          database: input.database,
          encoding: 'UTF8',
          localeCType: 'C',
          localeCollate: 'C',
          owner: input.database,
        },
      },
      enablePDB: true,
      enableSuperuserAccess: false,
      failoverDelay: 0,
      imageName: POSTGRES_IMAGE,
      instances: input.nodes.length,
      logLevel: 'info',
      maxSyncReplicas: 0,
      minSyncReplicas: 0,
      monitoring: { disableDefaultQueries: false, enablePodMonitor: false },
      postgresGID: 26,
      postgresUID: 26,
      postgresql: {
        parameters: { max_connections: '200', shared_buffers: '512MB' },
        syncReplicaElectionConstraint: { enabled: false },
      },
      primaryUpdateMethod: 'restart',
      primaryUpdateStrategy: 'unsupervised',
      replicationSlots: {
        highAvailability: { enabled: true, slotPrefix: '_cnpg_' },
        synchronizeReplicas: { enabled: true },
        updateInterval: 30,
      },
      resources: {},
      smartShutdownTimeout: 180,
      startDelay: 3600,
      stopDelay: 1800,
      storage: { resizeInUseVolumes: true, ...input.storage },
      switchoverDelay: 3600,
      ...(input.walStorage ? { walStorage: { resizeInUseVolumes: true, ...input.walStorage } } : {}),
    },
    status: {
      conditions: [
        condition('Ready', 'ClusterIsReady', 'Cluster is Ready', readySince),
        ...(status
          ? [
              condition(
                'ContinuousArchiving',
                'ContinuousArchivingSuccess',
                'Continuous archiving is working',
                readySince,
              ),
              condition(
                'LastBackupSucceeded',
                'LastBackupSucceeded',
                'Backup was successful',
                status.lastSuccessfulBackup,
              ),
            ]
          : []),
      ],
      currentPrimary: instanceNames[0],
      currentPrimaryTimestamp: shift(input.podsStarted, 95),
      ...(status
        ? {
            firstRecoverabilityPoint: status.firstRecoverabilityPoint,
            firstRecoverabilityPointByMethod: { barmanObjectStore: status.firstRecoverabilityPoint },
            lastArchivedWAL: '0000000300000004000000B7',
            lastArchivedWALTime: status.lastArchivedWalTime,
            lastSuccessfulBackup: status.lastSuccessfulBackup,
            lastSuccessfulBackupByMethod: { barmanObjectStore: status.lastSuccessfulBackup },
          }
        : {}),
      healthyPVC: pvcNames,
      image: POSTGRES_IMAGE,
      instanceNames,
      instances: input.nodes.length,
      instancesReportedState: Object.fromEntries(
        instanceNames.map((n, i) => [n, { isPrimary: i === 0, timeLineID: 3 }]),
      ),
      instancesStatus: { healthy: instanceNames },
      latestGeneratedNode: input.nodes.length,
      managedRolesStatus: {},
      phase: 'Cluster in healthy state',
      pvcCount: pvcNames.length,
      readService: `${name}-r`,
      readyInstances: input.nodes.length,
      switchReplicaClusterStatus: {},
      targetPrimary: instanceNames[0],
      targetPrimaryTimestamp: shift(input.podsStarted, 90),
      timelineID: 3,
      topology: {
        instances: Object.fromEntries(instanceNames.map((n) => [n, {}])),
        nodesUsed: new Set(input.nodes).size,
        successfullyExtracted: true,
      },
      writeService: `${name}-rw`,
    },
  });

  for (const [i, node] of input.nodes.entries()) instance(sample, input, cluster, node, i + 1);
  services(sample, input, cluster);
  return cluster;
}

function instance(sample: Sample, input: CnpgInput, cluster: KubeObject, node: string, serial: number): void {
  const { name, namespace } = input;
  const instanceName = `${name}-${serial}`;
  const role = serial === 1 ? 'primary' : 'replica';
  const roleLabels = {
    'cnpg.io/cluster': name,
    'cnpg.io/instanceName': instanceName,
    'cnpg.io/instanceRole': role,
    role,
  };
  const annotations = { 'cnpg.io/nodeSerial': String(serial), 'cnpg.io/operatorVersion': CNPG_VERSION };
  const pvcCreated = shift(input.created, serial * 70);
  claim(sample, {
    file: input.file,
    name: instanceName,
    namespace,
    ...input.storage,
    created: pvcCreated,
    labels: { ...roleLabels, 'cnpg.io/pvcRole': 'PG_DATA' },
    annotations: { ...annotations, 'cnpg.io/pvcStatus': 'ready' },
    owners: [cluster],
  });
  const volumes: Volume[] = [{ name: 'pgdata', persistentVolumeClaim: { claimName: instanceName } }];
  const mounts = [{ mountPath: '/var/lib/postgresql/data', name: 'pgdata' }];
  if (input.walStorage) {
    claim(sample, {
      file: input.file,
      name: `${instanceName}-wal`,
      namespace,
      ...input.walStorage,
      created: shift(pvcCreated, 1),
      labels: { ...roleLabels, 'cnpg.io/pvcRole': 'PG_WAL' },
      annotations: { ...annotations, 'cnpg.io/pvcStatus': 'ready' },
      owners: [cluster],
    });
    volumes.push({ name: 'pg-wal', persistentVolumeClaim: { claimName: `${instanceName}-wal` } });
    mounts.push({ mountPath: '/var/lib/postgresql/wal', name: 'pg-wal' });
  }
  const scratch = [
    { mountPath: '/controller', name: 'scratch-data' },
    { mountPath: '/run', name: 'scratch-data' },
    { mountPath: '/dev/shm', name: 'shm' },
    { mountPath: '/etc/app-secret', name: 'app-secret' },
  ];
  pod(sample, {
    file: input.file,
    name: instanceName,
    namespace,
    node,
    owner: cluster,
    started: shift(input.podsStarted, serial * 60),
    template: {
      labels: { ...roleLabels, 'cnpg.io/podRole': 'instance' },
      annotations: {
        ...annotations,
        'cnpg.io/podEnvHash': safeSuffix(`env/${namespace}/${name}`, 10),
        'cnpg.io/podSpec': sha256(`podspec/${namespace}/${name}`).slice(0, 16),
      },
      spec: {
        affinity: {
          podAntiAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              {
                podAffinityTerm: {
                  labelSelector: {
                    matchExpressions: [{ key: 'cnpg.io/cluster', operator: 'In', values: [name] }],
                  },
                  topologyKey: 'kubernetes.io/hostname',
                },
                weight: 100,
              },
            ],
          },
        },
        containers: [
          {
            name: 'postgres',
            image: POSTGRES_IMAGE,
            command: ['/controller/manager', 'instance', 'run', '--log-level=info'],
            env: [
              { name: 'PGDATA', value: '/var/lib/postgresql/data/pgdata' },
              { name: 'POD_NAME', value: instanceName },
              { name: 'NAMESPACE', value: namespace },
              { name: 'CLUSTER_NAME', value: name },
              { name: 'PSQL_HISTORY', value: '/controller/tmp/.psql_history' },
              { name: 'PGPORT', value: '5432' },
              { name: 'PGHOST', value: '/controller/run' },
            ],
            ports: [
              { containerPort: 5432, name: 'postgresql', protocol: 'TCP' },
              { containerPort: 9187, name: 'metrics', protocol: 'TCP' },
              { containerPort: 8000, name: 'status', protocol: 'TCP' },
            ],
            readinessProbe: {
              failureThreshold: 3,
              httpGet: { path: '/readyz', port: 8000, scheme: 'HTTPS' },
              periodSeconds: 10,
              successThreshold: 1,
              timeoutSeconds: 5,
            },
            securityContext: {
              allowPrivilegeEscalation: false,
              capabilities: { drop: ['ALL'] },
              privileged: false,
              readOnlyRootFilesystem: true,
              runAsNonRoot: true,
              seccompProfile: { type: 'RuntimeDefault' },
            },
            volumeMounts: [...mounts, ...scratch],
          },
        ],
        hostname: instanceName,
        initContainers: [
          {
            name: 'bootstrap-controller',
            image: `ghcr.io/cloudnative-pg/cloudnative-pg:${CNPG_VERSION}`,
            command: ['/manager', 'bootstrap', '/controller/manager', '--log-level=info'],
            volumeMounts: scratch.slice(0, 1),
          },
        ],
        securityContext: {
          fsGroup: 26,
          runAsGroup: 26,
          runAsNonRoot: true,
          runAsUser: 26,
          seccompProfile: { type: 'RuntimeDefault' },
        },
        serviceAccountName: name,
        terminationGracePeriodSeconds: 1800,
        volumes: [
          ...volumes,
          { emptyDir: {}, name: 'scratch-data' },
          { emptyDir: { medium: 'Memory' }, name: 'shm' },
          // The app credentials are mounted from the Secret CNPG creates; referenced by name only.
          { name: 'app-secret', secret: { defaultMode: 420, secretName: `${name}-app` } },
        ],
      },
    },
  });
}

function services(sample: Sample, input: CnpgInput, cluster: KubeObject): void {
  const { name, namespace } = input;
  const selectors: [string, Labels][] = [
    ['rw', { 'cnpg.io/cluster': name, 'cnpg.io/instanceRole': 'primary' }],
    ['ro', { 'cnpg.io/cluster': name, 'cnpg.io/instanceRole': 'replica' }],
    ['r', { 'cnpg.io/cluster': name, 'cnpg.io/podRole': 'instance' }],
  ];
  for (const [suffix, selector] of selectors) {
    service(sample, {
      file: input.file,
      name: `${name}-${suffix}`,
      namespace,
      created: shift(input.created, 1),
      labels: { 'cnpg.io/cluster': name },
      annotations: { 'cnpg.io/operatorVersion': CNPG_VERSION },
      selector,
      ports: [{ name: 'postgres', port: 5432, targetPort: 5432 }],
      owners: [cluster],
    });
  }
}
