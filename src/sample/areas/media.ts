/**
 * Jellyfin: the media library lives on the NAS (a static NFS PV, outside Ceph entirely), its
 * configuration and watch history on ceph-block, protected by nothing but a CSI snapshot, which is
 * an RBD snapshot in the same pool. The namespace carries a tier override.
 */

import { deployment } from '../build/deployment.ts';
import { uidOf, uuidFrom } from '../build/ids.ts';
import { ingress, namespace, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { RBD_DRIVER } from '../build/storage-classes.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import { claim, staticNfsClaim } from '../build/volumes.ts';

const NS = 'media';
const CREATED = '2025-05-02T19:55:13Z';
const SNAPSHOT_TAKEN = '2026-11-10T20:15:03Z';

function snapshot(sample: Sample, volumeHandle: string): void {
  const name = 'jellyfin-config-20261110';
  // The snapshot controller names the content after the snapshot's uid.
  const contentName = `snapcontent-${uidOf('VolumeSnapshot', NS, name)}`;
  const snapshotObject = sample.add('media', {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshot',
    metadata: sample.meta('VolumeSnapshot', {
      name,
      namespace: NS,
      created: SNAPSHOT_TAKEN,
      generation: 1,
      finalizers: [
        'snapshot.storage.kubernetes.io/volumesnapshot-as-source-protection',
        'snapshot.storage.kubernetes.io/volumesnapshot-bound-protection',
      ],
    }),
    spec: {
      source: { persistentVolumeClaimName: 'jellyfin-config' },
      volumeSnapshotClassName: 'csi-rbdplugin-snapclass',
    },
    status: {
      boundVolumeSnapshotContentName: contentName,
      creationTime: shift(SNAPSHOT_TAKEN, 1),
      readyToUse: true,
      restoreSize: '10Gi',
    },
  });
  sample.add('storage', {
    apiVersion: 'snapshot.storage.k8s.io/v1',
    kind: 'VolumeSnapshotContent',
    metadata: sample.meta('VolumeSnapshotContent', {
      name: contentName,
      created: SNAPSHOT_TAKEN,
      generation: 1,
      annotations: {
        'snapshot.storage.kubernetes.io/deletion-secret-name': 'rook-csi-rbd-provisioner',
        'snapshot.storage.kubernetes.io/deletion-secret-namespace': 'rook-ceph',
      },
      finalizers: ['snapshot.storage.kubernetes.io/volumesnapshotcontent-bound-protection'],
    }),
    spec: {
      deletionPolicy: 'Delete',
      driver: RBD_DRIVER,
      source: { volumeHandle },
      sourceVolumeMode: 'Filesystem',
      volumeSnapshotClassName: 'csi-rbdplugin-snapclass',
      volumeSnapshotRef: {
        apiVersion: 'snapshot.storage.k8s.io/v1',
        kind: 'VolumeSnapshot',
        name,
        namespace: NS,
        resourceVersion: String(Number(snapshotObject.metadata.resourceVersion) - 3),
        uid: snapshotObject.metadata.uid,
      },
    },
    status: {
      // The snapshot controller reports creation time in nanoseconds since the epoch.
      creationTime: Date.parse(SNAPSHOT_TAKEN) * 1_000_000 + 512_338_117,
      readyToUse: true,
      restoreSize: 10_737_418_240,
      // ceph-csi's snapshot id: same layout as a volume handle, in the image's pool (replicapool = 2).
      snapshotHandle: `0001-0009-rook-ceph-0000000000000002-${uuidFrom(`snapshot/${name}`)}`,
    },
  });
}

export function media(sample: Sample): void {
  namespace(sample, 'media', NS, shift(CREATED, -60), { 'tierbook.io/tier': '2' });
  const labels = { 'app.kubernetes.io/instance': 'jellyfin', 'app.kubernetes.io/name': 'jellyfin' };
  staticNfsClaim(sample, {
    file: 'media',
    name: 'jellyfin-media',
    namespace: NS,
    pvName: 'jellyfin-media-nfs',
    server: '192.168.1.10',
    path: '/export/media',
    size: '8Ti',
    created: CREATED,
    labels,
  });
  const config = claim(sample, {
    file: 'media',
    name: 'jellyfin-config',
    namespace: NS,
    storageClass: 'ceph-block',
    size: '10Gi',
    created: shift(CREATED, 60),
    labels,
  });
  deployment(sample, {
    file: 'media',
    name: 'jellyfin',
    namespace: NS,
    created: shift(CREATED, 62),
    selector: labels,
    revision: 5,
    strategy: { type: 'Recreate' },
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 2300),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'jellyfin',
            image: 'docker.io/jellyfin/jellyfin:10.10.3',
            env: [{ name: 'JELLYFIN_PublishedServerUrl', value: 'https://jellyfin.example.home' }],
            ports: [{ containerPort: 8096, name: 'http', protocol: 'TCP' }],
            resources: { requests: { cpu: '500m', memory: '1Gi' } },
            volumeMounts: [
              { mountPath: '/config', name: 'config' },
              { mountPath: '/media', name: 'media', readOnly: true },
              { mountPath: '/cache', name: 'cache' },
            ],
          },
        ],
        volumes: [
          { name: 'config', persistentVolumeClaim: { claimName: 'jellyfin-config' } },
          { name: 'media', persistentVolumeClaim: { claimName: 'jellyfin-media', readOnly: true } },
          { emptyDir: { sizeLimit: '20Gi' }, name: 'cache' },
        ],
      },
    },
  });
  service(sample, {
    file: 'media',
    name: 'jellyfin',
    namespace: NS,
    created: shift(CREATED, 61),
    selector: labels,
    labels,
    ports: [{ name: 'http', port: 8096, targetPort: 'http' }],
  });
  ingress(sample, {
    file: 'media',
    name: 'jellyfin',
    namespace: NS,
    created: shift(CREATED, 63),
    className: 'nginx',
    host: 'jellyfin.example.home',
    serviceName: 'jellyfin',
    servicePort: 'http',
    labels,
  });
  const csi = (config.pv.spec as { csi: { volumeHandle: string } }).csi;
  snapshot(sample, csi.volumeHandle);
}
