/**
 * PersistentVolumeClaims and the PersistentVolumes their provisioners created, in the exact shapes
 * ceph-csi (RBD, CephFS) and rancher local-path produce. Claims go to the area's file, volumes to
 * `storage.yaml`, as `kubectl get pv` would list them cluster-wide.
 */
import { sha256, uuidFrom } from './ids.ts';
import type { Sample } from './sample.ts';
import { CEPHFS_FSCID, POOL_IDS, type StorageClassSpec, storageClassSpec } from './storage-classes.ts';
import { CLUSTER_INSTALLED, shift } from './time.ts';
import type { AreaFile, KubeObject, Labels } from './types.ts';

export interface ClaimInput {
  file: AreaFile;
  name: string;
  namespace: string;
  storageClass: string;
  size: string;
  created: string;
  accessModes?: string[];
  labels?: Labels;
  annotations?: Labels;
  owners?: KubeObject[];
  /** The node the first consumer was scheduled to (local-path binds there). */
  node?: string;
}

export interface Claim {
  pvc: KubeObject;
  pv: KubeObject;
}

/**
 * The `storage.kubernetes.io/csiProvisionerIdentity` a PV records: the provisioner sidecar's
 * start time in ms, a random number and the driver. The sidecar restarts now and then, so each
 * PV carries the identity of whichever instance was running when it was created.
 */
function provisionerIdentity(driver: string, pvCreated: string): string {
  const hash = Number.parseInt(sha256(`provisioner/${driver}/${pvCreated.slice(0, 7)}`).slice(0, 8), 16);
  const monthly = Date.parse(`${pvCreated.slice(0, 7)}-01T00:00:00Z`) + (hash % 86_400_000);
  // Not before Rook first started the sidecar, not after the PV it provisioned.
  const started = Math.max(monthly, Date.parse(shift(CLUSTER_INSTALLED, 3800)));
  return `${Math.min(started, Date.parse(pvCreated) - 60_000)}-${1000 + (hash % 9000)}-${driver}`;
}

/** ceph-csi's volume id: version, clusterID length and clusterID, location id (pool or fscid), object uuid. */
function cephVolumeHandle(locationId: number, objectUuid: string): string {
  const clusterId = 'rook-ceph';
  const length = clusterId.length.toString(16).padStart(4, '0');
  return `0001-${length}-${clusterId}-${locationId.toString(16).padStart(16, '0')}-${objectUuid}`;
}

function poolId(pool: string): number {
  const id = POOL_IDS[pool];
  if (id === undefined) throw new Error(`sample: unknown pool ${pool}`);
  return id;
}

function rbdSource(spec: StorageClassSpec, objectUuid: string, pvCreated: string): Record<string, unknown> {
  const pool = spec.parameters.pool ?? '';
  const dataPool = spec.parameters.dataPool;
  return {
    controllerExpandSecretRef: { name: 'rook-csi-rbd-provisioner', namespace: 'rook-ceph' },
    driver: spec.provisioner,
    fsType: 'ext4',
    nodeStageSecretRef: { name: 'rook-csi-rbd-node', namespace: 'rook-ceph' },
    volumeAttributes: {
      clusterID: 'rook-ceph',
      ...(dataPool ? { dataPool } : {}),
      imageFeatures: spec.parameters.imageFeatures ?? 'layering',
      imageFormat: '2',
      imageName: `csi-vol-${objectUuid}`,
      journalPool: pool,
      pool,
      'storage.kubernetes.io/csiProvisionerIdentity': provisionerIdentity(spec.provisioner, pvCreated),
    },
    volumeHandle: cephVolumeHandle(poolId(pool), objectUuid),
  };
}

function cephfsSource(
  spec: StorageClassSpec,
  objectUuid: string,
  pvCreated: string,
): Record<string, unknown> {
  return {
    controllerExpandSecretRef: { name: 'rook-csi-cephfs-provisioner', namespace: 'rook-ceph' },
    driver: spec.provisioner,
    nodeStageSecretRef: { name: 'rook-csi-cephfs-node', namespace: 'rook-ceph' },
    volumeAttributes: {
      clusterID: 'rook-ceph',
      fsName: spec.parameters.fsName ?? '',
      pool: spec.parameters.pool ?? '',
      'storage.kubernetes.io/csiProvisionerIdentity': provisionerIdentity(spec.provisioner, pvCreated),
      subvolumeName: `csi-vol-${objectUuid}`,
      subvolumePath: `/volumes/csi/csi-vol-${objectUuid}/${uuidFrom(`subvolume-path/${objectUuid}`)}`,
    },
    volumeHandle: cephVolumeHandle(CEPHFS_FSCID, objectUuid),
  };
}

function hostnameAffinity(node: string) {
  return {
    required: {
      nodeSelectorTerms: [
        { matchExpressions: [{ key: 'kubernetes.io/hostname', operator: 'In', values: [node] }] },
      ],
    },
  };
}

export function claim(sample: Sample, input: ClaimInput): Claim {
  const spec = storageClassSpec(input.storageClass);
  const accessModes = input.accessModes ?? ['ReadWriteOnce'];
  const waitsForConsumer = spec.volumeBindingMode === 'WaitForFirstConsumer';
  if (waitsForConsumer && input.node === undefined) {
    throw new Error(
      `sample: ${input.namespace}/${input.name} uses ${spec.name} and needs the consumer's node`,
    );
  }
  const pvc: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: sample.meta('PersistentVolumeClaim', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      annotations: {
        'pv.kubernetes.io/bind-completed': 'yes',
        'pv.kubernetes.io/bound-by-controller': 'yes',
        'volume.beta.kubernetes.io/storage-provisioner': spec.provisioner,
        'volume.kubernetes.io/storage-provisioner': spec.provisioner,
        ...(waitsForConsumer && input.node ? { 'volume.kubernetes.io/selected-node': input.node } : {}),
        ...input.annotations,
      },
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.owners ? { owners: input.owners } : {}),
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
  };
  const pvName = `pvc-${pvc.metadata.uid}`;
  pvc.spec = {
    accessModes,
    resources: { requests: { storage: input.size } },
    storageClassName: spec.name,
    volumeMode: 'Filesystem',
    volumeName: pvName,
  };
  pvc.status = { accessModes, capacity: { storage: input.size }, phase: 'Bound' };

  const objectUuid = uuidFrom(`ceph-object/${input.namespace}/${input.name}`);
  const pvCreated = shift(input.created, waitsForConsumer ? 6 : 2);
  let source: Record<string, unknown>;
  let annotations: Record<string, string> = { 'pv.kubernetes.io/provisioned-by': spec.provisioner };
  let finalizers = ['kubernetes.io/pv-protection'];
  if (spec.backend === 'local-path') {
    const node = input.node ?? '';
    annotations = { 'local.path.provisioner/selected-node': node, ...annotations };
    source = {
      hostPath: {
        path: `/opt/local-path-provisioner/${pvName}_${input.namespace}_${input.name}`,
        type: 'DirectoryOrCreate',
      },
      nodeAffinity: hostnameAffinity(node),
    };
  } else {
    const csi =
      spec.backend === 'rbd'
        ? rbdSource(spec, objectUuid, pvCreated)
        : cephfsSource(spec, objectUuid, pvCreated);
    source = { csi };
    const secretPrefix = spec.backend === 'rbd' ? 'rook-csi-rbd' : 'rook-csi-cephfs';
    annotations = {
      ...annotations,
      'volume.kubernetes.io/provisioner-deletion-secret-name': `${secretPrefix}-provisioner`,
      'volume.kubernetes.io/provisioner-deletion-secret-namespace': 'rook-ceph',
    };
    finalizers = ['external-provisioner.volume.kubernetes.io/finalizer', ...finalizers];
    sample.registerCsiVolume(input.namespace, input.name, {
      pvName,
      driver: spec.provisioner,
      volumeHandle: csi.volumeHandle as string,
    });
  }

  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: sample.meta('PersistentVolume', { name: pvName, created: pvCreated, annotations, finalizers }),
    spec: {
      accessModes,
      capacity: { storage: input.size },
      claimRef: claimRefTo(pvc),
      ...source,
      persistentVolumeReclaimPolicy: spec.reclaimPolicy,
      storageClassName: spec.name,
      volumeMode: 'Filesystem',
    },
    status: { lastPhaseTransitionTime: pvCreated, phase: 'Bound' },
  };
  sample.add(input.file, pvc);
  sample.add('storage', pv);
  return { pvc, pv };
}

export interface NfsClaimInput {
  file: AreaFile;
  name: string;
  namespace: string;
  pvName: string;
  server: string;
  path: string;
  size: string;
  created: string;
  labels?: Labels;
}

/** A hand-written NFS PV and the claim that names it: no provisioner, no storage class. */
export function staticNfsClaim(sample: Sample, input: NfsClaimInput): Claim {
  const accessModes = ['ReadWriteMany'];
  const pvMeta = sample.meta('PersistentVolume', {
    name: input.pvName,
    created: input.created,
    annotations: { 'pv.kubernetes.io/bound-by-controller': 'yes' },
    ...(input.labels ? { labels: input.labels } : {}),
    finalizers: ['kubernetes.io/pv-protection'],
  });
  const pvc: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: sample.meta('PersistentVolumeClaim', {
      name: input.name,
      namespace: input.namespace,
      created: shift(input.created, 40),
      annotations: { 'pv.kubernetes.io/bind-completed': 'yes' },
      ...(input.labels ? { labels: input.labels } : {}),
      finalizers: ['kubernetes.io/pvc-protection'],
    }),
    spec: {
      accessModes,
      resources: { requests: { storage: input.size } },
      // An empty class means "no dynamic provisioning": bind only to the PV named below.
      storageClassName: '',
      volumeMode: 'Filesystem',
      volumeName: input.pvName,
    },
    status: { accessModes, capacity: { storage: input.size }, phase: 'Bound' },
  };
  const pv: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: pvMeta,
    spec: {
      accessModes,
      capacity: { storage: input.size },
      claimRef: claimRefTo(pvc),
      mountOptions: ['nfsvers=4.1', 'hard', 'noatime'],
      nfs: { path: input.path, server: input.server },
      persistentVolumeReclaimPolicy: 'Retain',
      volumeMode: 'Filesystem',
    },
    status: { lastPhaseTransitionTime: shift(input.created, 41), phase: 'Bound' },
  };
  sample.add(input.file, pvc);
  sample.add('storage', pv);
  return { pvc, pv };
}

/** The PV's side of the binding, as the PV controller writes it (the claim's version before binding). */
function claimRefTo(pvc: KubeObject): Record<string, unknown> {
  return {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    name: pvc.metadata.name,
    namespace: pvc.metadata.namespace,
    resourceVersion: String(Number(pvc.metadata.resourceVersion) - 2),
    uid: pvc.metadata.uid,
  };
}
