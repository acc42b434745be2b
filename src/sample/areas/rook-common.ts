/**
 * What rook/rook gives every Ceph daemon it runs: images, env (k8sutil.ClusterDaemonEnvVars),
 * labels (controller.CephDaemonAppLabels), config and log host paths, the chown init container.
 */
import type { Container, Labels } from '../build/types.ts';

export const CEPH_IMAGE = 'quay.io/ceph/ceph:v18.2.4';
export const ROOK_IMAGE = 'docker.io/rook/ceph:v1.15.5';
export const NS = 'rook-ceph';
/** When the operator last refreshed the CephCluster and pool statuses. */
export const LAST_CHECKED = '2026-11-24T05:59:12Z';

export const fieldRef = (fieldPath: string) => ({ valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath } } });
export const resourceRef = (containerName: string, resource: string, divisor: string) => ({
  valueFrom: { resourceFieldRef: { containerName, divisor, resource } },
});

/** k8sutil.ClusterDaemonEnvVars: what every Ceph daemon container gets. */
export function daemonEnv(container: string) {
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

export const monHostEnv = [
  // The Secret is referenced by name only, as the real pod spec does.
  { name: 'ROOK_CEPH_MON_HOST', valueFrom: { secretKeyRef: { key: 'mon_host', name: 'rook-ceph-config' } } },
  {
    name: 'ROOK_CEPH_MON_INITIAL_MEMBERS',
    valueFrom: { secretKeyRef: { key: 'mon_initial_members', name: 'rook-ceph-config' } },
  },
];

export const logFlags = [
  '--default-log-to-stderr=true',
  '--default-err-to-stderr=true',
  '--default-mon-cluster-log-to-stderr=true',
  '--default-log-stderr-prefix=debug ',
  '--default-log-to-file=false',
  '--default-mon-cluster-log-to-file=false',
];

/** controller.CephDaemonAppLabels with the recommended app.kubernetes.io labels. */
export function daemonLabels(
  app: string,
  type: string,
  id: string,
  parent: string,
  resource: string,
): Labels {
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

export const versionLabels = { 'ceph-version': '18.2.4-0', 'rook-version': 'v1.15.5' };

export const hostPath = (name: string, path: string, type?: string) => ({
  hostPath: { path, ...(type ? { type } : {}) },
  name,
});
export const configOverride = {
  configMap: {
    defaultMode: 420,
    items: [{ key: 'config', mode: 292, path: 'ceph.conf' }],
    name: 'rook-config-override',
  },
  name: 'rook-config-override',
};
export const logVolumes = [
  hostPath('rook-ceph-log', '/var/lib/rook/rook-ceph/log'),
  hostPath('rook-ceph-crash', '/var/lib/rook/rook-ceph/crash'),
];
export const logMounts = [
  { mountPath: '/var/log/ceph', name: 'rook-ceph-log' },
  { mountPath: '/var/lib/ceph/crash', name: 'rook-ceph-crash' },
];

export function chownContainer(mounts: unknown[], dataDir?: string): Container {
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

/** Labels and annotations of objects the rook-ceph and rook-ceph-cluster Helm charts own. */
export const helmLabels = (release: string): Labels => ({
  'app.kubernetes.io/managed-by': 'Helm',
  'helm.toolkit.fluxcd.io/name': release,
});
export const helmAnnotations = (release: string): Labels => ({
  'meta.helm.sh/release-name': release,
  'meta.helm.sh/release-namespace': NS,
});
