/**
 * The Ceph pools: replicapool and the EC pair from the rook-ceph-cluster chart, `scratch` applied
 * by hand (size 1: one copy of everything), and the CephFilesystem with its metadata and data
 * pools. Their names, sizes, failure domains and device classes are what blast-radius reasoning
 * reads.
 */
import type { Sample } from '../build/sample.ts';
import { CLUSTER_INSTALLED, shift } from '../build/time.ts';
import type { KubeObject, Labels } from '../build/types.ts';
import { helmAnnotations, helmLabels, LAST_CHECKED, NS } from './rook-common.ts';

interface PoolInput {
  name: string;
  created: string;
  spec: Record<string, unknown>;
  labels?: Labels;
  annotations?: Labels;
}

function blockPool(sample: Sample, input: PoolInput): KubeObject {
  return sample.add('rook-ceph', {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephBlockPool',
    metadata: sample.meta('CephBlockPool', {
      name: input.name,
      namespace: NS,
      created: input.created,
      generation: 1,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.annotations ? { annotations: input.annotations } : {}),
      finalizers: ['cephblockpool.ceph.rook.io'],
    }),
    spec: {
      erasureCoded: { codingChunks: 0, dataChunks: 0 },
      mirroring: {},
      quotas: {},
      statusCheck: { mirror: {} },
      ...input.spec,
    },
    status: {
      conditions: [
        {
          lastHeartbeatTime: LAST_CHECKED,
          lastTransitionTime: shift(input.created, 31),
          message: 'failed to retrieve rbd mirroring info',
          reason: 'MirroringDisabled',
          status: 'False',
          type: 'Mirroring',
        },
      ],
      observedGeneration: 1,
      phase: 'Ready',
    },
  });
}

const replicated = (size: number, requireSafeReplicaSize = true) => ({
  replicated: { requireSafeReplicaSize, size },
});

export function pools(sample: Sample): void {
  const created = shift(CLUSTER_INSTALLED, 3900);
  blockPool(sample, {
    name: 'replicapool',
    created,
    labels: helmLabels('rook-ceph-cluster'),
    annotations: helmAnnotations('rook-ceph-cluster'),
    spec: { deviceClass: 'ssd', enableRBDStats: true, failureDomain: 'host', ...replicated(3) },
  });
  const scratchSpec = {
    failureDomain: 'host',
    parameters: { compression_mode: 'none' },
    ...replicated(1, false),
  };
  blockPool(sample, {
    name: 'scratch',
    created: '2025-03-07T21:42:19Z',
    // Applied by hand, not by the chart: the last-applied annotation is all the history there is.
    annotations: {
      'kubectl.kubernetes.io/last-applied-configuration': `${JSON.stringify({
        apiVersion: 'ceph.rook.io/v1',
        kind: 'CephBlockPool',
        metadata: { annotations: {}, name: 'scratch', namespace: NS },
        spec: scratchSpec,
      })}\n`,
    },
    spec: scratchSpec,
  });
  const ecCreated = '2025-05-10T15:03:55Z';
  blockPool(sample, {
    name: 'ec-metadata',
    created: ecCreated,
    labels: helmLabels('rook-ceph-cluster'),
    annotations: helmAnnotations('rook-ceph-cluster'),
    spec: { failureDomain: 'host', ...replicated(3) },
  });
  blockPool(sample, {
    name: 'ec-data',
    created: ecCreated,
    labels: helmLabels('rook-ceph-cluster'),
    annotations: helmAnnotations('rook-ceph-cluster'),
    spec: {
      erasureCoded: { codingChunks: 1, dataChunks: 2 },
      failureDomain: 'host',
      replicated: { size: 0 },
    },
  });
}

export function filesystem(sample: Sample): KubeObject {
  const created = shift(CLUSTER_INSTALLED, 4000);
  const pool = { erasureCoded: { codingChunks: 0, dataChunks: 0 }, failureDomain: 'host', ...replicated(3) };
  return sample.add('rook-ceph', {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephFilesystem',
    metadata: sample.meta('CephFilesystem', {
      name: 'ceph-filesystem',
      namespace: NS,
      created,
      generation: 2,
      labels: helmLabels('rook-ceph-cluster'),
      annotations: helmAnnotations('rook-ceph-cluster'),
      finalizers: ['cephfilesystem.ceph.rook.io'],
    }),
    spec: {
      dataPools: [{ name: 'data0', ...pool }],
      metadataPool: pool,
      metadataServer: { activeCount: 1, activeStandby: true, priorityClassName: 'system-cluster-critical' },
      preserveFilesystemOnDelete: true,
      statusCheck: { mirror: {} },
    },
    status: { observedGeneration: 2, phase: 'Ready' },
  });
}
