/**
 * Cluster-scoped storage objects: StorageClasses, CSIDrivers, the RBD VolumeSnapshotClass, and —
 * once every area has placed its pods — the VolumeAttachments and node `volumesInUse` that the
 * attach/detach controller and kubelets would report for the CSI volumes in use.
 */
import { sha256 } from '../build/ids.ts';
import type { Sample } from '../build/sample.ts';
import { CEPHFS_DRIVER, RBD_DRIVER, STORAGE_CLASSES } from '../build/storage-classes.ts';
import { CLUSTER_INSTALLED, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';

// When each class appeared: the chart's at install, the EC class with its pools, scratch by hand.
const CLASS_CREATED: Record<string, string> = {
  'ceph-ec': '2025-05-10T15:04:10Z',
  'ceph-scratch': '2025-03-07T21:44:02Z',
  'local-path': shift(CLUSTER_INSTALLED, 1500),
};

const chartManaged = new Set(['ceph-block', 'ceph-block-retain', 'ceph-ec', 'ceph-filesystem']);

export function storage(sample: Sample): void {
  for (const spec of STORAGE_CLASSES) {
    const annotations: Record<string, string> = {};
    if (spec.isDefault) annotations['storageclass.kubernetes.io/is-default-class'] = 'true';
    if (chartManaged.has(spec.name)) {
      annotations['meta.helm.sh/release-name'] = 'rook-ceph-cluster';
      annotations['meta.helm.sh/release-namespace'] = 'rook-ceph';
    }
    sample.add('storage', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'StorageClass',
      metadata: sample.meta('StorageClass', {
        name: spec.name,
        created: CLASS_CREATED[spec.name] ?? shift(CLUSTER_INSTALLED, 4200),
        ...(Object.keys(annotations).length > 0 ? { annotations } : {}),
        ...(chartManaged.has(spec.name) ? { labels: { 'app.kubernetes.io/managed-by': 'Helm' } } : {}),
      }),
      allowVolumeExpansion: spec.allowVolumeExpansion,
      ...(Object.keys(spec.parameters).length > 0 ? { parameters: spec.parameters } : {}),
      provisioner: spec.provisioner,
      reclaimPolicy: spec.reclaimPolicy,
      volumeBindingMode: spec.volumeBindingMode,
    });
  }

  for (const driver of [RBD_DRIVER, CEPHFS_DRIVER]) {
    sample.add('storage', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'CSIDriver',
      metadata: sample.meta('CSIDriver', { name: driver, created: shift(CLUSTER_INSTALLED, 3750) }),
      spec: {
        attachRequired: true,
        fsGroupPolicy: 'File',
        podInfoOnMount: false,
        requiresRepublish: false,
        seLinuxMount: false,
        storageCapacity: false,
        volumeLifecycleModes: ['Persistent'],
      },
    });
  }

  sample.add('storage', {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotClass',
    metadata: sample.meta('VolumeSnapshotClass', {
      name: 'csi-rbdplugin-snapclass',
      created: shift(CLUSTER_INSTALLED, 4210),
      labels: { 'app.kubernetes.io/managed-by': 'Helm' },
      annotations: {
        'meta.helm.sh/release-name': 'rook-ceph-cluster',
        'meta.helm.sh/release-namespace': 'rook-ceph',
      },
    }),
    deletionPolicy: 'Delete',
    driver: RBD_DRIVER,
    parameters: {
      clusterID: 'rook-ceph',
      'csi.storage.k8s.io/snapshotter-secret-name': 'rook-csi-rbd-provisioner',
      'csi.storage.k8s.io/snapshotter-secret-namespace': 'rook-ceph',
    },
  });
}

interface NodeStatus {
  volumesAttached?: { devicePath: string; name: string }[];
  volumesInUse?: string[];
}

/**
 * Run after every area: one VolumeAttachment per (CSI volume, node) a running pod mounts, named
 * as the attach/detach controller names them (`csi-` + sha256(handle + driver + node)).
 */
export function attachments(sample: Sample, nodes: readonly KubeObject[]): void {
  const seen = new Set<string>();
  const inUse = new Map<string, string[]>();
  for (const mount of sample.mounts) {
    const volume = sample.csiVolumes.get(`${mount.namespace}/${mount.claimName}`);
    if (!volume) continue;
    const key = `${volume.volumeHandle}${volume.driver}${mount.node}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const uniqueName = `kubernetes.io/csi/${volume.driver}^${volume.volumeHandle}`;
    inUse.set(mount.node, [...(inUse.get(mount.node) ?? []), uniqueName]);
    sample.add('storage', {
      apiVersion: 'storage.k8s.io/v1',
      kind: 'VolumeAttachment',
      metadata: sample.meta('VolumeAttachment', {
        name: `csi-${sha256(key)}`,
        created: shift(mount.since, -3),
        annotations: { 'csi.alpha.kubernetes.io/node-id': mount.node },
        finalizers: [`external-attacher/${volume.driver.replaceAll('.', '-')}`],
      }),
      spec: {
        attacher: volume.driver,
        nodeName: mount.node,
        source: { persistentVolumeName: volume.pvName },
      },
      status: { attached: true },
    });
  }
  for (const node of nodes) {
    const names = [...(inUse.get(node.metadata.name) ?? [])].sort();
    const status = node.status as NodeStatus;
    status.volumesAttached = names.map((name) => ({ devicePath: '', name }));
    status.volumesInUse = names;
  }
}
