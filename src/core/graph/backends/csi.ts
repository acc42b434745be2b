import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';

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

/** Runs last: any class or PV no specific backend claimed is generic CSI (or a known in-tree type). */
export const genericCsi: StorageBackend = {
  name: 'csi',
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
};
