import type { KubeObject } from '../../src/core/model.ts';

export const CEPH_CLASS = 'ceph-block';
export const LOCAL_CLASS = 'local-path';

/** A Rook cluster: one CephCluster, two OSDs per node (one ssd, one nvme), a size-3 pool. */
export function rookCluster(nodes: string[]): KubeObject[] {
  const objects: KubeObject[] = [
    {
      apiVersion: 'ceph.rook.io/v1',
      kind: 'CephCluster',
      metadata: { name: 'rook-ceph', namespace: 'rook-ceph', uid: 'ceph-cluster-uid' },
      spec: { storage: { useAllNodes: true, useAllDevices: false } },
      status: { phase: 'Ready', ceph: { health: 'HEALTH_OK' } },
    },
    {
      apiVersion: 'ceph.rook.io/v1',
      kind: 'CephBlockPool',
      metadata: { name: 'replicapool', namespace: 'rook-ceph' },
      spec: { failureDomain: 'host', replicated: { size: 3 } },
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: CEPH_CLASS },
      provisioner: 'rook-ceph.rbd.csi.ceph.com',
      parameters: { clusterID: 'rook-ceph', pool: 'replicapool' },
      reclaimPolicy: 'Delete',
    },
    {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: { name: LOCAL_CLASS },
      provisioner: 'rancher.io/local-path',
      reclaimPolicy: 'Delete',
      volumeBindingMode: 'WaitForFirstConsumer',
    },
  ];
  let osd = 0;
  for (const node of nodes) {
    for (const deviceClass of ['ssd', 'nvme']) {
      const id = String(osd++);
      objects.push({
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: {
          name: `rook-ceph-osd-${id}`,
          namespace: 'rook-ceph',
          labels: {
            app: 'rook-ceph-osd',
            'ceph-osd-id': id,
            'device-class': deviceClass,
            'topology-location-host': node,
            'topology-location-root': 'default',
          },
          ownerReferences: [
            {
              apiVersion: 'ceph.rook.io/v1',
              kind: 'CephCluster',
              name: 'rook-ceph',
              uid: 'ceph-cluster-uid',
              controller: true,
            },
          ],
        },
        spec: {
          replicas: 1,
          template: {
            spec: {
              nodeSelector: { 'kubernetes.io/hostname': node },
              containers: [
                {
                  name: 'osd',
                  image: 'quay.io/ceph/ceph:v18.2.4',
                  env: [
                    { name: 'ROOK_BLOCK_PATH', value: `/dev/disk/by-id/nvme-${node}-${deviceClass}-${id}` },
                  ],
                },
              ],
            },
          },
        },
      });
    }
  }
  return objects;
}

/** A bound PVC and its PV: an RBD image in replicapool, or a local-path directory on `node`. */
export function volume(namespace: string, claim: string, uid: string, local: string | null): KubeObject[] {
  const pv = `pvc-${uid}`;
  const pvc: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: claim, namespace, uid },
    spec: {
      accessModes: ['ReadWriteOnce'],
      storageClassName: local ? LOCAL_CLASS : CEPH_CLASS,
      resources: { requests: { storage: '10Gi' } },
      volumeName: pv,
    },
    status: { phase: 'Bound', capacity: { storage: '10Gi' } },
  };
  const source = local
    ? {
        hostPath: {
          path: `/opt/local-path-provisioner/${pv}_${namespace}_${claim}`,
          type: 'DirectoryOrCreate',
        },
        nodeAffinity: {
          required: {
            nodeSelectorTerms: [
              { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [local] }] },
            ],
          },
        },
      }
    : {
        csi: {
          driver: 'rook-ceph.rbd.csi.ceph.com',
          volumeHandle: `0001-0009-rook-ceph-0000000000000001-${uid}`,
          volumeAttributes: { clusterID: 'rook-ceph', pool: 'replicapool', imageName: `csi-vol-${uid}` },
        },
      };
  return [
    pvc,
    {
      apiVersion: 'v1',
      kind: 'PersistentVolume',
      metadata: { name: pv },
      spec: {
        accessModes: ['ReadWriteOnce'],
        capacity: { storage: '10Gi' },
        claimRef: { apiVersion: 'v1', kind: 'PersistentVolumeClaim', name: claim, namespace, uid },
        persistentVolumeReclaimPolicy: 'Delete',
        storageClassName: local ? LOCAL_CLASS : CEPH_CLASS,
        ...source,
      },
      status: { phase: 'Bound' },
    },
  ];
}
