import { qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';
import { kubernetesNodes, type Placement, pinnedNodes, type VolumeView } from './placement.ts';

/** Cloud and other network disks, by driver: outside the cluster's nodes, bounded by a zone. */
const KNOWN_DRIVERS: Readonly<Record<string, string>> = {
  'ebs.csi.aws.com': 'aws-ebs',
  'efs.csi.aws.com': 'aws-efs',
  'pd.csi.storage.gke.io': 'gce-pd',
  'filestore.csi.storage.gke.io': 'gcp-filestore',
  'disk.csi.azure.com': 'azure-disk',
  'file.csi.azure.com': 'azure-file',
  'csi.vsphere.vmware.com': 'vsphere',
  'cinder.csi.openstack.org': 'cinder',
  'kubernetes.io/aws-ebs': 'aws-ebs',
  'kubernetes.io/gce-pd': 'gce-pd',
  'kubernetes.io/azure-disk': 'azure-disk',
  'kubernetes.io/cinder': 'cinder',
};

const IN_TREE_FIELDS: Readonly<Record<string, string>> = {
  'spec.awsElasticBlockStore': 'aws-ebs',
  'spec.gcePersistentDisk': 'gce-pd',
  'spec.azureDisk': 'azure-disk',
  'spec.azureFile': 'azure-file',
  'spec.cinder': 'cinder',
  'spec.vsphereVolume': 'vsphere',
  'spec.iscsi': 'iscsi',
  'spec.fc': 'fibre-channel',
  'spec.rbd': 'ceph-rbd-in-tree',
  'spec.cephfs': 'cephfs-in-tree',
  'spec.portworxVolume': 'portworx',
  'spec.storageos': 'storageos',
};

/** Disks and shares the provider or an array keeps off the nodes: a node's loss leaves them. */
const OUTSIDE_WORDS: Readonly<Record<string, string>> = {
  'aws-ebs': 'an EBS volume',
  'aws-efs': 'an EFS share',
  'gce-pd': 'a GCE persistent disk',
  'gcp-filestore': 'a Filestore share',
  'azure-disk': 'an Azure disk',
  'azure-file': 'an Azure file share',
  vsphere: 'a vSphere disk',
  cinder: 'a Cinder volume',
  iscsi: 'an iSCSI LUN',
  'fibre-channel': 'a Fibre Channel LUN',
};

/** Storage whose snapshots the cloud provider keeps in its own snapshot store, off the cluster. */
const CLOUD_SNAPSHOT_BACKENDS: ReadonlySet<string> = new Set(['aws-ebs', 'gce-pd', 'azure-disk', 'cinder']);

/** Runs last: any class or PV no specific backend claimed is generic CSI (or a known in-tree type). */
export const genericCsi: StorageBackend = {
  name: 'csi',
  // Only core kinds: the PersistentVolume and its StorageClass.
  reads: [],
  extract(ctx) {
    const unclaimed = (id: string) => ctx.node(id).attrs.backend === undefined;
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass')) {
      const id = idOf(sc);
      const provisioner = sc.string('provisioner') ?? '';
      if (unclaimed(id)) markBackend(ctx, id, KNOWN_DRIVERS[provisioner] ?? 'csi');
    }
    for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
      const id = idOf(pv);
      if (!unclaimed(id)) continue;
      const driver = pv.string('spec.csi.driver');
      const inTree = Object.entries(IN_TREE_FIELDS).find(([field]) => pv.record(field));
      markBackend(ctx, id, driver ? (KNOWN_DRIVERS[driver] ?? 'csi') : (inTree?.[1] ?? 'unknown'));
    }
  },
  placement: genericPlacement,
  snapshotsKeptBy: (backend) => (CLOUD_SNAPSHOT_BACKENDS.has(backend) ? 'the cloud provider' : null),
};

/**
 * Answers for every volume the other backends did not claim. Cloud disks and arrays are
 * outside the nodes. A driver tierbook does not know is node-local when its PV's node
 * affinity names nodes, else assumed off the nodes, lost with its class: both said.
 */
function genericPlacement(volume: VolumeView): Placement {
  const outside = OUTSIDE_WORDS[volume.backend ?? ''];
  if (outside) return { type: 'outside', words: outside, assumptions: [] };
  const claim = `PVC ${qualifiedName(volume.claim)}`;
  const driver = driverOf(volume);
  const words = driver ? `a volume of ${driver}` : 'a volume';
  const what = driver ? `driver ${driver}` : 'its storage';
  const pinned = pinnedNodes(volume);
  if (pinned.length > 0) {
    const names = pinned.map(qualifiedName).join(', ');
    return {
      type: 'nodes',
      words,
      unit: 'copy',
      copies: 1,
      nodes: pinned,
      known: pinned.length === 1,
      assumptions: [
        `${claim}: ${what} is not known to tierbook; its PV's node affinity pins it to ${pinned.length > 1 ? `one of nodes ${names}` : `node ${names}`}, so it is taken as node-local (one copy, lost with that node) until known otherwise`,
      ],
    };
  }
  const sc = volume.storageClass;
  if (!volume.backend) {
    // Neither a PV nor a class was read: nothing says where the data is, so any node may hold it.
    return {
      type: 'nodes',
      words,
      unit: 'copy',
      copies: 1,
      nodes: kubernetesNodes(volume.index),
      known: false,
      assumptions: [
        `${claim}: its storage is not in the inventory (no PV read${sc ? `, StorageClass ${sc.name} not read` : ', no StorageClass'}): assumed node-local on any lost node (worst case)`,
      ],
    };
  }
  const facts = [
    volume.pv ? 'its PV names no node' : 'no PV read',
    ...(sc ? [`StorageClass ${sc.name}${sc.missing ? ' not read' : ''}`] : []),
  ].join(', ');
  return {
    type: 'outside',
    words,
    assumptions: [
      `${claim}: ${what} is not known to tierbook (${facts}): assumed to keep its data off the cluster's nodes, OSDs and disks; lost with its StorageClass or the PVC itself`,
    ],
  };
}

function driverOf(volume: VolumeView): string | null {
  const edge = volume.pv ? volume.index.out(volume.pv.id, 'uses-driver')[0] : undefined;
  if (edge) return qualifiedName(edge.to);
  const provisioner = volume.storageClass?.attrs.provisioner;
  return typeof provisioner === 'string' && provisioner ? provisioner : null;
}
