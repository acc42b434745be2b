/**
 * The Ceph control daemons Rook runs as Deployments: mons and the mgr owned by the CephCluster,
 * MDS owned by the CephFilesystem. The mons keep their store on the node, under dataDirHostPath.
 */
import { deployment } from '../build/deployment.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';
import {
  CEPH_IMAGE,
  chownContainer,
  configOverride,
  daemonEnv,
  daemonLabels,
  fieldRef,
  hostPath,
  logFlags,
  logMounts,
  logVolumes,
  monHostEnv,
  NS,
  versionLabels,
} from './rook-common.ts';

export function mon(
  sample: Sample,
  cluster: KubeObject,
  fsid: string,
  id: string,
  node: string,
  created: string,
) {
  const labels = {
    ...daemonLabels('rook-ceph-mon', 'mon', id, NS, 'cephclusters.ceph.rook.io'),
    mon_cluster: NS,
  };
  const dataDir = `/var/lib/rook/mon-${id}/data`;
  const mounts = [
    { mountPath: '/etc/ceph', name: 'rook-config-override', readOnly: true },
    { mountPath: '/etc/ceph/keyring-store/', name: 'rook-ceph-mons-keyring', readOnly: true },
    ...logMounts,
    { mountPath: `/var/lib/ceph/mon/ceph-${id}`, name: 'ceph-daemon-data' },
  ];
  return deployment(sample, {
    file: 'rook-ceph',
    name: `rook-ceph-mon-${id}`,
    namespace: NS,
    created,
    selector: { app: 'rook-ceph-mon', ceph_daemon_id: id, mon: id, mon_cluster: NS, rook_cluster: NS },
    labels: { ...labels, ...versionLabels },
    owners: [cluster],
    strategy: { type: 'Recreate' },
    nodes: [node],
    podsStarted: shift(LAST_REBOOT, 240 + id.charCodeAt(0)),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'mon',
            image: CEPH_IMAGE,
            command: ['ceph-mon'],
            args: [
              `--fsid=${fsid}`,
              '--keyring=/etc/ceph/keyring-store/keyring',
              ...logFlags,
              '--mon-host=$(ROOK_CEPH_MON_HOST)',
              '--mon-initial-members=$(ROOK_CEPH_MON_INITIAL_MEMBERS)',
              `--id=${id}`,
              '--setuser=ceph',
              '--setgroup=ceph',
              '--foreground',
              '--public-addr=$(ROOK_POD_IP)',
              `--setuser-match-path=/var/lib/ceph/mon/ceph-${id}/store.db`,
            ],
            env: [...daemonEnv('mon'), ...monHostEnv, { name: 'ROOK_POD_IP', ...fieldRef('status.podIP') }],
            ports: [
              { containerPort: 3300, name: 'tcp-msgr2', protocol: 'TCP' },
              { containerPort: 6789, name: 'tcp-msgr1', protocol: 'TCP' },
            ],
            securityContext: { privileged: false },
            volumeMounts: mounts,
          },
        ],
        initContainers: [chownContainer(mounts, `/var/lib/ceph/mon/ceph-${id}`)],
        nodeSelector: { 'kubernetes.io/hostname': node },
        serviceAccountName: 'rook-ceph-default',
        // The mon store lives on the node's disk, under the CephCluster's dataDirHostPath.
        volumes: [
          configOverride,
          {
            name: 'rook-ceph-mons-keyring',
            secret: { defaultMode: 420, secretName: 'rook-ceph-mons-keyring' },
          },
          ...logVolumes,
          hostPath('ceph-daemon-data', dataDir),
        ],
      },
    },
  });
}

export function mgr(sample: Sample, cluster: KubeObject, fsid: string, node: string, created: string) {
  const labels = {
    ...daemonLabels('rook-ceph-mgr', 'mgr', 'a', NS, 'cephclusters.ceph.rook.io'),
    mgr_role: 'active',
  };
  const mounts = [{ mountPath: '/etc/ceph', name: 'rook-config-override', readOnly: true }, ...logMounts];
  return deployment(sample, {
    file: 'rook-ceph',
    name: 'rook-ceph-mgr-a',
    namespace: NS,
    created,
    selector: { app: 'rook-ceph-mgr', ceph_daemon_id: 'a', mgr: 'a', rook_cluster: NS },
    labels: { ...labels, ...versionLabels },
    owners: [cluster],
    strategy: { type: 'Recreate' },
    nodes: [node],
    podsStarted: shift(LAST_REBOOT, 410),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'mgr',
            image: CEPH_IMAGE,
            command: ['ceph-mgr'],
            args: [
              `--fsid=${fsid}`,
              '--keyring=/etc/ceph/keyring-store/keyring',
              ...logFlags,
              '--id=a',
              '--foreground',
            ],
            env: [...daemonEnv('mgr'), ...monHostEnv],
            ports: [
              { containerPort: 6800, name: 'mgr', protocol: 'TCP' },
              { containerPort: 9283, name: 'http-metrics', protocol: 'TCP' },
              { containerPort: 8443, name: 'dashboard', protocol: 'TCP' },
            ],
            volumeMounts: mounts,
          },
        ],
        initContainers: [chownContainer(mounts)],
        serviceAccountName: 'rook-ceph-mgr',
        volumes: [configOverride, ...logVolumes],
      },
    },
  });
}

export function mds(
  sample: Sample,
  filesystem: KubeObject,
  fsid: string,
  letter: string,
  node: string,
  created: string,
) {
  const fsName = filesystem.metadata.name;
  const id = `${fsName}-${letter}`;
  const labels = {
    ...daemonLabels('rook-ceph-mds', 'mds', id, fsName, 'cephfilesystems.ceph.rook.io'),
    rook_file_system: fsName,
  };
  const mounts = [{ mountPath: '/etc/ceph', name: 'rook-config-override', readOnly: true }, ...logMounts];
  return deployment(sample, {
    file: 'rook-ceph',
    name: `rook-ceph-mds-${id}`,
    namespace: NS,
    created,
    selector: {
      app: 'rook-ceph-mds',
      ceph_daemon_id: id,
      mds: id,
      rook_cluster: NS,
      rook_file_system: fsName,
    },
    labels: { ...labels, ...versionLabels },
    owners: [filesystem],
    strategy: { type: 'Recreate' },
    nodes: [node],
    podsStarted: shift(LAST_REBOOT, 780 + letter.charCodeAt(0)),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'mds',
            image: CEPH_IMAGE,
            command: ['ceph-mds'],
            args: [
              `--fsid=${fsid}`,
              '--keyring=/etc/ceph/keyring-store/keyring',
              ...logFlags,
              `--id=${id}`,
              '--foreground',
            ],
            env: [...daemonEnv('mds'), ...monHostEnv],
            volumeMounts: mounts,
          },
        ],
        initContainers: [chownContainer(mounts)],
        serviceAccountName: 'rook-ceph-default',
        volumes: [configOverride, ...logVolumes],
      },
    },
  });
}
