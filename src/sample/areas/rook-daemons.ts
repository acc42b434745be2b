/**
 * The Ceph daemons Rook runs as Deployments owned by the CephCluster (mons, mgr, OSDs) or by the
 * CephFilesystem (MDS), with the labels, env and host paths rook/rook's operator sets
 * (pkg/operator/ceph/cluster/osd/spec.go, labels.go, envs.go; controller.CephDaemonAppLabels).
 */
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { Container, KubeObject, Labels } from '../build/types.ts';
import { deployment } from '../build/workloads.ts';
import { blockPath, type OsdDisk, osdUuid } from './rook-disks.ts';

export const CEPH_IMAGE = 'quay.io/ceph/ceph:v18.2.4';
export const ROOK_IMAGE = 'docker.io/rook/ceph:v1.15.5';
const NS = 'rook-ceph';

const fieldRef = (fieldPath: string) => ({ valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
const resourceRef = (containerName: string, resource: string, divisor: string) => ({
  valueFrom: { resourceFieldRef: { containerName, divisor, resource } },
});

/** k8sutil.ClusterDaemonEnvVars: what every Ceph daemon container gets. */
function daemonEnv(container: string) {
  return [
    { name: 'CONTAINER_IMAGE', value: CEPH_IMAGE },
    { name: 'POD_NAME', ...fieldRef('metadata.name') },
    { name: 'POD_NAMESPACE', ...fieldRef('metadata.namespace') },
    { name: 'NODE_NAME', ...fieldRef('spec.nodeName') },
    { name: 'POD_MEMORY_LIMIT', ...resourceRef(container, 'limits.memory', '0') },
    { name: 'POD_MEMORY_REQUEST', ...resourceRef(container, 'requests.memory', '0') },
    { name: 'POD_CPU_LIMIT', ...resourceRef(container, 'limits.cpu', '1') },
    { name: 'POD_CPU_REQUEST', ...resourceRef(container, 'requests.cpu', '0') },
    { name: 'CEPH_USE_RANDOM_NONCE', value: 'true' },
    { name: 'ROOK_MSGR2', value: 'msgr2_false_encryption_false_compression_false' },
  ];
}

const monHostEnv = [
  // The Secret is referenced by name only, as the real pod spec does.
  { name: 'ROOK_CEPH_MON_HOST', valueFrom: { secretKeyRef: { key: 'mon_host', name: 'rook-ceph-config' } } },
  {
    name: 'ROOK_CEPH_MON_INITIAL_MEMBERS',
    valueFrom: { secretKeyRef: { key: 'mon_initial_members', name: 'rook-ceph-config' } },
  },
];

const logFlags = [
  '--default-log-to-stderr=true',
  '--default-err-to-stderr=true',
  '--default-mon-cluster-log-to-stderr=true',
  '--default-log-stderr-prefix=debug ',
  '--default-log-to-file=false',
  '--default-mon-cluster-log-to-file=false',
];

/** controller.CephDaemonAppLabels with the recommended app.kubernetes.io labels. */
function daemonLabels(app: string, type: string, id: string, parent: string, resource: string): Labels {
  return {
    app,
    'app.kubernetes.io/component': resource,
    'app.kubernetes.io/created-by': 'rook-ceph-operator',
    'app.kubernetes.io/instance': id,
    'app.kubernetes.io/managed-by': 'rook-ceph-operator',
    'app.kubernetes.io/name': `ceph-${type}`,
    'app.kubernetes.io/part-of': parent,
    ceph_daemon_id: id,
    ceph_daemon_type: type,
    [type]: id,
    'rook.io/operator-namespace': NS,
    rook_cluster: NS,
  };
}

const versionLabels = { 'ceph-version': '18.2.4-0', 'rook-version': 'v1.15.5' };

const hostPath = (name: string, path: string, type?: string) => ({
  hostPath: { path, ...(type ? { type } : {}) },
  name,
});
const configOverride = {
  configMap: {
    defaultMode: 420,
    items: [{ key: 'config', mode: 292, path: 'ceph.conf' }],
    name: 'rook-config-override',
  },
  name: 'rook-config-override',
};
const logVolumes = [
  hostPath('rook-ceph-log', '/var/lib/rook/rook-ceph/log'),
  hostPath('rook-ceph-crash', '/var/lib/rook/rook-ceph/crash'),
];
const logMounts = [
  { mountPath: '/var/log/ceph', name: 'rook-ceph-log' },
  { mountPath: '/var/lib/ceph/crash', name: 'rook-ceph-crash' },
];

function chownContainer(mounts: unknown[], dataDir?: string): Container {
  return {
    name: 'chown-container-data-dir',
    image: CEPH_IMAGE,
    command: ['chown'],
    args: [
      '--verbose',
      '--recursive',
      'ceph:ceph',
      '/var/log/ceph',
      '/var/lib/ceph/crash',
      ...(dataDir ? [dataDir] : []),
    ],
    securityContext: { privileged: true, readOnlyRootFilesystem: false, runAsUser: 0 },
    volumeMounts: mounts,
  };
}

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

export function osd(sample: Sample, cluster: KubeObject, fsid: string, disk: OsdDisk, created: string) {
  const id = String(disk.id);
  const labels: Labels = {
    ...daemonLabels('rook-ceph-osd', 'osd', id, NS, 'cephclusters.ceph.rook.io'),
    'ceph-osd-id': id,
    'device-class': disk.deviceClass,
    'failure-domain': disk.node,
    'osd-store': 'bluestore',
    portable: 'false',
    'topology-location-host': disk.node,
    'topology-location-root': 'default',
  };
  const uuid = osdUuid(disk);
  const mounts = [
    { mountPath: '/var/lib/rook', name: 'rook-data' },
    { mountPath: '/etc/ceph', name: 'rook-config-override', readOnly: true },
    ...logMounts,
    { mountPath: '/dev', name: 'devices' },
    { mountPath: '/run/udev', name: 'run-udev' },
    { mountPath: `/var/lib/ceph/osd/ceph-${id}`, name: 'activate-osd' },
  ];
  const privileged = { privileged: true, readOnlyRootFilesystem: false, runAsUser: 0 };
  const cephVolumeEnv = [
    { name: 'CEPH_VOLUME_DEBUG', value: '1' },
    { name: 'CEPH_VOLUME_SKIP_RESTORECON', value: '1' },
    { name: 'DM_DISABLE_UDEV', value: '1' },
  ];
  const blockPathEnv = { name: 'ROOK_BLOCK_PATH', value: blockPath(disk) };
  const cvModeEnv = { name: 'ROOK_CV_MODE', value: disk.mode };
  const activateScript = [
    'set -o errexit',
    'set -o pipefail',
    'set -o nounset',
    'OSD_ID="$ROOK_OSD_ID"',
    `OSD_UUID=${uuid}`,
    `CV_MODE=${disk.mode}`,
    'DEVICE="$ROOK_BLOCK_PATH"',
    'if [[ "$CV_MODE" == "lvm" ]]; then',
    '  ceph-volume lvm activate --no-systemd --bluestore "$OSD_ID" "$OSD_UUID"',
    'else',
    '  ceph-volume raw activate --device "$DEVICE" --no-systemd --no-tmpfs',
    'fi',
    '',
  ].join('\n');
  return deployment(sample, {
    file: 'rook-ceph',
    name: `rook-ceph-osd-${id}`,
    namespace: NS,
    created,
    selector: { app: 'rook-ceph-osd', 'ceph-osd-id': id, rook_cluster: NS },
    labels: { ...labels, ...versionLabels },
    owners: [cluster],
    strategy: { type: 'Recreate' },
    nodes: [disk.node],
    podsStarted: shift(LAST_REBOOT, 600 + disk.id * 23),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'osd',
            image: CEPH_IMAGE,
            command: ['ceph-osd'],
            args: [
              '--foreground',
              '--id',
              id,
              '--fsid',
              fsid,
              '--setuser',
              'ceph',
              '--setgroup',
              'ceph',
              `--crush-location=root=default host=${disk.node}`,
              ...logFlags,
              '--ms-learn-addr-from-peer=false',
            ],
            env: [
              { name: 'ROOK_NODE_NAME', value: disk.node },
              { name: 'ROOK_CLUSTER_ID', value: cluster.metadata.uid },
              { name: 'ROOK_CLUSTER_NAME', value: NS },
              { name: 'ROOK_PRIVATE_IP', ...fieldRef('status.podIP') },
              { name: 'ROOK_PUBLIC_IP', ...fieldRef('status.podIP') },
              { name: 'POD_NAMESPACE', value: NS },
              {
                name: 'ROOK_MON_ENDPOINTS',
                valueFrom: { configMapKeyRef: { key: 'data', name: 'rook-ceph-mon-endpoints' } },
              },
              { name: 'ROOK_CONFIG_DIR', value: '/var/lib/rook' },
              { name: 'ROOK_CEPH_CONFIG_OVERRIDE', value: '/etc/rook/config/override.conf' },
              { name: 'ROOK_CRUSHMAP_ROOT', value: 'default' },
              { name: 'ROOK_CRUSHMAP_HOSTNAME', value: disk.node },
              ...cephVolumeEnv,
              { name: 'TINI_SUBREAPER', value: '' },
              ...daemonEnv('osd').filter((e) => e.name !== 'POD_NAMESPACE'),
              { name: 'ROOK_OSD_UUID', value: uuid },
              { name: 'ROOK_OSD_ID', value: id },
              {
                name: 'ROOK_CEPH_MON_HOST',
                valueFrom: { secretKeyRef: { key: 'mon_host', name: 'rook-ceph-config' } },
              },
              { name: 'CEPH_ARGS', value: '-m $(ROOK_CEPH_MON_HOST)' },
              blockPathEnv,
              cvModeEnv,
            ],
            livenessProbe: {
              exec: {
                command: [
                  'env',
                  '-i',
                  'sh',
                  '-c',
                  `ceph --admin-daemon /run/ceph/ceph-osd.${id}.asok status`,
                ],
              },
              failureThreshold: 3,
              initialDelaySeconds: 10,
              periodSeconds: 10,
              successThreshold: 1,
              timeoutSeconds: 5,
            },
            securityContext: privileged,
            volumeMounts: mounts,
            workingDir: '/var/log/ceph',
          },
        ],
        initContainers: [
          {
            name: 'activate',
            image: CEPH_IMAGE,
            command: ['/bin/bash', '-c', activateScript],
            env: [
              ...cephVolumeEnv,
              ...monHostEnv.slice(0, 1),
              { name: 'CEPH_ARGS', value: '-m $(ROOK_CEPH_MON_HOST)' },
              blockPathEnv,
              { name: 'ROOK_OSD_ID', value: id },
            ],
            securityContext: privileged,
            volumeMounts: [
              { mountPath: `/var/lib/ceph/osd/ceph-${id}`, name: 'activate-osd' },
              { mountPath: '/dev', name: 'devices' },
              { mountPath: '/etc/ceph', name: 'rook-config-override', readOnly: true },
            ],
          },
          chownContainer(mounts),
        ],
        nodeSelector: { 'kubernetes.io/hostname': disk.node },
        serviceAccountName: 'rook-ceph-osd',
        volumes: [
          hostPath('rook-data', '/var/lib/rook'),
          configOverride,
          ...logVolumes,
          hostPath('devices', '/dev'),
          hostPath('activate-osd', `/var/lib/rook/rook-ceph/${fsid}_${uuid}`, 'DirectoryOrCreate'),
          hostPath('run-udev', '/run/udev'),
        ],
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
