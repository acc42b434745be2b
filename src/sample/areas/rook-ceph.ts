/**
 * The rook-ceph namespace: the operator, the CephCluster (installed with the rook-ceph-cluster
 * Helm chart), its pools and filesystem, and the daemons the operator created from them.
 * Deliberate risks: `sdc` in the device list, the size-1 `scratch` pool someone applied by hand,
 * and an erasure-coded 2+1 pool that stops serving as soon as any OSD is down.
 */

import { deployment } from '../build/deployment.ts';
import { uuidFrom } from '../build/ids.ts';
import { configMap, namespace, service } from '../build/network.ts';
import { NODE_NAMES, nodeAddress, type Sample } from '../build/sample.ts';
import { CLUSTER_INSTALLED, LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';
import { CEPH_IMAGE, helmAnnotations, helmLabels, LAST_CHECKED, NS, ROOK_IMAGE } from './rook-common.ts';
import { mds, mgr, mon } from './rook-daemons.ts';
import { OSD_DISKS } from './rook-disks.ts';
import { osd } from './rook-osd.ts';
import { filesystem, pools } from './rook-pools.ts';

const CEPH_VERSION = 'ceph version 18.2.4 (e7ad5345525c7aa95470c26863873b581076945d) reef (stable)';

function cephCluster(sample: Sample, fsid: string): KubeObject {
  const created = shift(CLUSTER_INSTALLED, 3600);
  const nodes = NODE_NAMES.map((node) => ({
    devices: OSD_DISKS.filter((d) => d.node === node).map((d) => ({ name: d.device })),
    name: node,
  }));
  const total = OSD_DISKS.reduce((sum, d) => sum + d.bytes, 0);
  const used = OSD_DISKS.reduce((sum, d) => sum + d.usedBytes, 0);
  return sample.add('rook-ceph', {
    apiVersion: 'ceph.rook.io/v1',
    kind: 'CephCluster',
    metadata: sample.meta('CephCluster', {
      name: NS,
      namespace: NS,
      created,
      generation: 7,
      labels: helmLabels('rook-ceph-cluster'),
      annotations: helmAnnotations('rook-ceph-cluster'),
      finalizers: ['cephcluster.ceph.rook.io'],
    }),
    spec: {
      cephVersion: { allowUnsupported: false, image: CEPH_IMAGE },
      cleanupPolicy: {
        allowUninstallWithVolumes: false,
        sanitizeDisks: { dataSource: 'zero', iteration: 1, method: 'quick' },
      },
      continueUpgradeAfterChecksEvenIfNotHealthy: false,
      crashCollector: { disable: false },
      dashboard: { enabled: true, ssl: true },
      dataDirHostPath: '/var/lib/rook',
      disruptionManagement: { managePodBudgets: true, osdMaintenanceTimeout: 30 },
      healthCheck: {
        daemonHealth: { mon: { interval: '45s' }, osd: { interval: '1m0s' }, status: { interval: '1m0s' } },
        livenessProbe: { mgr: { disabled: false }, mon: { disabled: false }, osd: { disabled: false } },
      },
      logCollector: { enabled: false },
      mgr: {
        count: 1,
        modules: [
          { enabled: true, name: 'pg_autoscaler' },
          { enabled: true, name: 'rook' },
        ],
      },
      mon: { allowMultiplePerNode: false, count: 3 },
      monitoring: { enabled: false },
      network: {
        connections: { compression: { enabled: false }, encryption: { enabled: false }, requireMsgr2: false },
      },
      priorityClassNames: {},
      removeOSDsIfOutAndSafeToRemove: false,
      skipUpgradeChecks: false,
      storage: {
        config: { osdsPerDevice: '1' },
        flappingRestartIntervalHours: 0,
        nodes,
        useAllDevices: false,
        useAllNodes: false,
      },
      waitTimeoutForHealthyOSDInMinutes: 10,
    },
    status: {
      ceph: {
        capacity: {
          bytesAvailable: total - used,
          bytesTotal: total,
          bytesUsed: used,
          lastUpdated: LAST_CHECKED,
        },
        fsid,
        health: 'HEALTH_OK',
        lastChanged: '2026-11-02T05:31:40Z',
        lastChecked: LAST_CHECKED,
        previousHealth: 'HEALTH_WARN',
        versions: {
          mds: { [CEPH_VERSION]: 2 },
          mgr: { [CEPH_VERSION]: 1 },
          mon: { [CEPH_VERSION]: 3 },
          osd: { [CEPH_VERSION]: 6 },
          overall: { [CEPH_VERSION]: 12 },
        },
      },
      conditions: [
        {
          lastHeartbeatTime: LAST_CHECKED,
          lastTransitionTime: shift(created, 900),
          message: 'Cluster created successfully',
          reason: 'ClusterCreated',
          status: 'True',
          type: 'Ready',
        },
      ],
      message: 'Cluster created successfully',
      observedGeneration: 7,
      phase: 'Ready',
      state: 'Created',
      storage: { deviceClasses: [{ name: 'nvme' }, { name: 'ssd' }], osd: { storeType: { bluestore: 6 } } },
      version: { image: CEPH_IMAGE, version: '18.2.4-0' },
    },
  });
}

function operator(sample: Sample): void {
  const labels = { app: 'rook-ceph-operator' };
  deployment(sample, {
    file: 'rook-ceph',
    name: 'rook-ceph-operator',
    namespace: NS,
    created: shift(CLUSTER_INSTALLED, 3300),
    selector: labels,
    labels: {
      ...helmLabels('rook-ceph'),
      'app.kubernetes.io/part-of': 'rook-ceph-operator',
      'helm.sh/chart': 'rook-ceph-v1.15.5',
      operator: 'rook',
      'storage-backend': 'ceph',
    },
    annotations: helmAnnotations('rook-ceph'),
    revision: 9,
    nodes: ['k8s-2'],
    podsStarted: shift(LAST_REBOOT, 1090),
    template: {
      labels: { ...labels, 'helm.sh/chart': 'rook-ceph-v1.15.5' },
      spec: {
        containers: [
          {
            name: 'rook-ceph-operator',
            image: ROOK_IMAGE,
            args: ['ceph', 'operator'],
            env: [
              { name: 'ROOK_CURRENT_NAMESPACE_ONLY', value: 'false' },
              { name: 'ROOK_HOSTPATH_REQUIRES_PRIVILEGED', value: 'false' },
              { name: 'DISCOVER_DAEMON_UDEV_BLACKLIST', value: '(?i)dm-[0-9]+,(?i)rbd[0-9]+,(?i)nbd[0-9]+' },
              { name: 'ROOK_UNREACHABLE_NODE_TOLERATION_SECONDS', value: '5' },
            ],
            resources: { limits: { memory: '512Mi' }, requests: { cpu: '200m', memory: '128Mi' } },
          },
        ],
        serviceAccountName: 'rook-ceph-system',
      },
    },
  });
}

export function rookCeph(sample: Sample): void {
  namespace(sample, 'rook-ceph', NS, shift(CLUSTER_INSTALLED, 3000));
  operator(sample);
  const fsid = uuidFrom('ceph-fsid');
  const cluster = cephCluster(sample, fsid);
  const owned = { owners: [cluster] };
  const daemonsCreated = shift(CLUSTER_INSTALLED, 3700);

  const monIps: string[] = [];
  ['a', 'b', 'c'].forEach((id, i) => {
    const node = NODE_NAMES[i] ?? 'k8s-1';
    mon(sample, cluster, fsid, id, node, shift(daemonsCreated, i * 40));
    const monService = service(sample, {
      file: 'rook-ceph',
      name: `rook-ceph-mon-${id}`,
      namespace: NS,
      created: shift(daemonsCreated, i * 40 - 2),
      labels: { app: 'rook-ceph-mon', ceph_daemon_id: id, mon: id, mon_cluster: NS, rook_cluster: NS },
      selector: { app: 'rook-ceph-mon', ceph_daemon_id: id, mon: id, mon_cluster: NS, rook_cluster: NS },
      ports: [
        { name: 'tcp-msgr1', port: 6789, targetPort: 6789 },
        { name: 'tcp-msgr2', port: 3300, targetPort: 3300 },
      ],
      ...owned,
    });
    monIps.push(`${id}=${(monService.spec as { clusterIP: string }).clusterIP}:6789`);
  });
  configMap(sample, 'rook-ceph', {
    name: 'rook-ceph-mon-endpoints',
    namespace: NS,
    created: daemonsCreated,
    ...owned,
    data: {
      'csi-cluster-config-json': '',
      data: monIps.join(','),
      mapping: JSON.stringify({
        node: Object.fromEntries(
          NODE_NAMES.map((node, i) => [
            ['a', 'b', 'c'][i],
            { Name: node, Hostname: node, Address: nodeAddress(node) },
          ]),
        ),
      }),
      maxMonId: '2',
      outOfQuorum: '',
    },
  });
  configMap(sample, 'rook-ceph', {
    name: 'rook-config-override',
    namespace: NS,
    created: daemonsCreated,
    ...owned,
    data: { config: '' },
  });

  mgr(sample, cluster, fsid, 'k8s-1', shift(daemonsCreated, 180));
  const mgrSelector = { app: 'rook-ceph-mgr', mgr_role: 'active', rook_cluster: NS };
  service(sample, {
    file: 'rook-ceph',
    name: 'rook-ceph-mgr',
    namespace: NS,
    created: shift(daemonsCreated, 178),
    labels: { app: 'rook-ceph-mgr', rook_cluster: NS },
    selector: mgrSelector,
    ports: [{ name: 'http-metrics', port: 9283, targetPort: 9283 }],
    ...owned,
  });
  service(sample, {
    file: 'rook-ceph',
    name: 'rook-ceph-mgr-dashboard',
    namespace: NS,
    created: shift(daemonsCreated, 179),
    labels: { app: 'rook-ceph-mgr', rook_cluster: NS },
    selector: mgrSelector,
    ports: [{ name: 'https-dashboard', port: 8443, targetPort: 8443 }],
    ...owned,
  });

  for (const disk of OSD_DISKS) {
    // sdc was added months after the others, when k8s-2 got its extra SSD.
    const created =
      disk.device === 'sdc' ? '2025-08-30T19:20:44Z' : shift(daemonsCreated, 400 + disk.id * 60);
    osd(sample, cluster, fsid, disk, created);
  }

  pools(sample);
  const fs = filesystem(sample);
  mds(sample, fs, fsid, 'a', 'k8s-3', shift(CLUSTER_INSTALLED, 4100));
  mds(sample, fs, fsid, 'b', 'k8s-1', shift(CLUSTER_INSTALLED, 4130));
}
