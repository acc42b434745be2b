/**
 * A CloudNativePG Cluster with what its operator creates: the instances (see cnpg-instance.ts),
 * all owned by the Cluster, and the `-rw` / `-ro` / `-r` Services selecting the primary, the
 * replicas and every instance (cloudnative-pg pkg/specs/services.go).
 */
import { service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { shift } from '../build/time.ts';
import type { KubeObject, Labels } from '../build/types.ts';
import { CNPG_VERSION, type CnpgInput, POSTGRES_IMAGE } from './cnpg-input.ts';
import { instance } from './cnpg-instance.ts';

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
