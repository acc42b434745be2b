/**
 * OSD Deployments as rook/rook creates them for disks on nodes (pkg/operator/ceph/cluster/osd
 * spec.go, labels.go, envs.go): owned by the CephCluster, pinned to the node by hostname, with the
 * CRUSH location in `topology-location-*` labels and the disk in ROOK_BLOCK_PATH / ROOK_CV_MODE.
 */
import { deployment } from '../build/deployment.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject, Labels } from '../build/types.ts';
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
import { blockPath, type OsdDisk, osdUuid } from './rook-disks.ts';

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
