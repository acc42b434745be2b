/**
 * The sample's storage classes and Ceph pools as data: the storage area renders them as objects,
 * and the volume builder reads them to give each PV the shape its provisioner would.
 */

export const RBD_DRIVER = 'rook-ceph.rbd.csi.ceph.com';
export const CEPHFS_DRIVER = 'rook-ceph.cephfs.csi.ceph.com';
export const LOCAL_PATH_PROVISIONER = 'rancher.io/local-path';

/** Ceph pool ids as `ceph osd pool ls detail` would number them (.mgr is created first). */
export const POOL_IDS: Record<string, number> = {
  '.mgr': 1,
  replicapool: 2,
  'ceph-filesystem-metadata': 3,
  'ceph-filesystem-data0': 4,
  scratch: 5,
  'ec-metadata': 6,
  'ec-data': 7,
};

/** The CephFS filesystem id (fscid) that ceph-csi encodes into CephFS volume handles. */
export const CEPHFS_FSCID = 1;

export type Backend = 'rbd' | 'cephfs' | 'local-path';

export interface StorageClassSpec {
  name: string;
  backend: Backend;
  provisioner: string;
  reclaimPolicy: 'Delete' | 'Retain';
  volumeBindingMode: 'Immediate' | 'WaitForFirstConsumer';
  allowVolumeExpansion: boolean;
  isDefault: boolean;
  parameters: Record<string, string>;
  /** The pool the image's metadata (and, without `dataPool`, its data) lives in. */
  pool?: string;
}

const rbdSecrets = {
  'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-rbd-provisioner',
  'csi.storage.k8s.io/controller-expand-secret-namespace': 'rook-ceph',
  'csi.storage.k8s.io/fstype': 'ext4',
  'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-rbd-node',
  'csi.storage.k8s.io/node-stage-secret-namespace': 'rook-ceph',
  'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-rbd-provisioner',
  'csi.storage.k8s.io/provisioner-secret-namespace': 'rook-ceph',
};

function rbdClass(
  name: string,
  pool: string,
  options: { reclaimPolicy?: 'Delete' | 'Retain'; isDefault?: boolean; dataPool?: string } = {},
): StorageClassSpec {
  return {
    name,
    backend: 'rbd',
    provisioner: RBD_DRIVER,
    reclaimPolicy: options.reclaimPolicy ?? 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
    isDefault: options.isDefault ?? false,
    pool,
    parameters: {
      clusterID: 'rook-ceph',
      ...(options.dataPool ? { dataPool: options.dataPool } : {}),
      imageFeatures: 'layering,fast-diff,object-map,deep-flatten,exclusive-lock',
      imageFormat: '2',
      pool,
      ...rbdSecrets,
    },
  };
}

export const STORAGE_CLASSES: readonly StorageClassSpec[] = [
  rbdClass('ceph-block', 'replicapool', { isDefault: true }),
  rbdClass('ceph-block-retain', 'replicapool', { reclaimPolicy: 'Retain' }),
  rbdClass('ceph-scratch', 'scratch'),
  rbdClass('ceph-ec', 'ec-metadata', { dataPool: 'ec-data' }),
  {
    name: 'ceph-filesystem',
    backend: 'cephfs',
    provisioner: CEPHFS_DRIVER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'Immediate',
    allowVolumeExpansion: true,
    isDefault: false,
    pool: 'ceph-filesystem-data0',
    parameters: {
      clusterID: 'rook-ceph',
      'csi.storage.k8s.io/controller-expand-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/controller-expand-secret-namespace': 'rook-ceph',
      'csi.storage.k8s.io/node-stage-secret-name': 'rook-csi-cephfs-node',
      'csi.storage.k8s.io/node-stage-secret-namespace': 'rook-ceph',
      'csi.storage.k8s.io/provisioner-secret-name': 'rook-csi-cephfs-provisioner',
      'csi.storage.k8s.io/provisioner-secret-namespace': 'rook-ceph',
      fsName: 'ceph-filesystem',
      pool: 'ceph-filesystem-data0',
    },
  },
  {
    name: 'local-path',
    backend: 'local-path',
    provisioner: LOCAL_PATH_PROVISIONER,
    reclaimPolicy: 'Delete',
    volumeBindingMode: 'WaitForFirstConsumer',
    allowVolumeExpansion: false,
    isDefault: false,
    parameters: {},
  },
];

export function storageClassSpec(name: string): StorageClassSpec {
  const spec = STORAGE_CLASSES.find((c) => c.name === name);
  if (!spec) throw new Error(`sample: unknown storage class ${name}`);
  return spec;
}
