/**
 * A Percona XtraDB Cluster and what its operator creates: StatefulSets `<cluster>-pxc` (with the
 * `datadir` claim template) and `<cluster>-haproxy`, and their Services
 * (percona-xtradb-cluster-operator e2e-tests/default-cr/compare). Data, not logic: one area of
 * the sample in one file (past 250 lines).
 */
import { service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { statefulSet } from '../build/statefulset.ts';
import { shift } from '../build/time.ts';
import type { AreaFile, KubeObject, Labels } from '../build/types.ts';

const PXC_IMAGE = 'docker.io/percona/percona-xtradb-cluster:8.0.39-30.1';
const HAPROXY_IMAGE = 'docker.io/percona/haproxy:2.8.11';
export const BACKUP_IMAGE = 'docker.io/percona/percona-xtrabackup:8.0.35-31.1';

export interface PxcInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  podsStarted: string;
  nodes: string[];
  storageClass: string;
  size: string;
  /** `spec.backup.storages` entry the schedule writes to. */
  backupStorage: { name: string; s3: Record<string, string> };
}

function componentLabels(cluster: string, component: string): Labels {
  return {
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/instance': cluster,
    'app.kubernetes.io/managed-by': 'percona-xtradb-cluster-operator',
    'app.kubernetes.io/name': 'percona-xtradb-cluster',
    'app.kubernetes.io/part-of': 'percona-xtradb-cluster',
  };
}

const antiAffinity = (labels: Labels) => ({
  podAntiAffinity: {
    requiredDuringSchedulingIgnoredDuringExecution: [
      { labelSelector: { matchLabels: labels }, topologyKey: 'kubernetes.io/hostname' },
    ],
  },
});

export function pxcCluster(sample: Sample, input: PxcInput): KubeObject {
  const { name, namespace } = input;
  const size = input.nodes.length;
  const cluster = sample.add(input.file, {
    apiVersion: 'pxc.percona.com/v1',
    kind: 'PerconaXtraDBCluster',
    metadata: sample.meta('PerconaXtraDBCluster', {
      name,
      namespace,
      created: input.created,
      generation: 4,
      finalizers: ['percona.com/delete-pxc-pods-in-order'],
    }),
    spec: {
      backup: {
        image: BACKUP_IMAGE,
        pitr: { enabled: false },
        schedule: [
          {
            name: 'daily-backup',
            retention: { count: 5, deleteFromStorage: true, type: 'count' },
            schedule: '0 3 * * *',
            storageName: input.backupStorage.name,
          },
        ],
        storages: {
          [input.backupStorage.name]: { s3: input.backupStorage.s3, type: 's3', verifyTLS: false },
        },
      },
      crVersion: '1.15.1',
      haproxy: {
        affinity: { antiAffinityTopologyKey: 'kubernetes.io/hostname' },
        enabled: true,
        gracePeriod: 30,
        image: HAPROXY_IMAGE,
        podDisruptionBudget: { maxUnavailable: 1 },
        size,
      },
      logcollector: { enabled: false },
      pxc: {
        affinity: { antiAffinityTopologyKey: 'kubernetes.io/hostname' },
        autoRecovery: true,
        gracePeriod: 600,
        image: PXC_IMAGE,
        podDisruptionBudget: { maxUnavailable: 1 },
        resources: { requests: { cpu: '600m', memory: '1G' } },
        size,
        volumeSpec: {
          persistentVolumeClaim: {
            accessModes: ['ReadWriteOnce'],
            resources: { requests: { storage: input.size } },
            storageClassName: input.storageClass,
          },
        },
      },
      secretsName: `${name}-secrets`,
      tls: { enabled: true },
      updateStrategy: 'SmartUpdate',
      upgradeOptions: { apply: 'disabled', schedule: '0 4 * * *' },
    },
    status: {
      backup: {},
      conditions: [
        { lastTransitionTime: shift(input.podsStarted, 200), status: 'True', type: 'initializing' },
        { lastTransitionTime: shift(input.podsStarted, 560), status: 'True', type: 'ready' },
      ],
      haproxy: {
        labelSelectorPath: selectorPath(componentLabels(name, 'haproxy')),
        ready: size,
        size,
        status: 'ready',
      },
      host: `${name}-haproxy.${namespace}`,
      logcollector: {},
      observedGeneration: 4,
      pmm: {},
      proxysql: {},
      pxc: {
        image: PXC_IMAGE,
        labelSelectorPath: selectorPath(componentLabels(name, 'pxc')),
        ready: size,
        size,
        status: 'ready',
        version: '8.0.39-30.1',
      },
      ready: size * 2,
      size: size * 2,
      state: 'ready',
    },
  });

  const pxcLabels = componentLabels(name, 'pxc');
  statefulSet(sample, {
    file: input.file,
    name: `${name}-pxc`,
    namespace,
    created: shift(input.created, 20),
    selector: pxcLabels,
    owners: [cluster],
    serviceName: `${name}-pxc`,
    nodes: input.nodes,
    podsStarted: input.podsStarted,
    updateStrategy: { type: 'OnDelete' },
    claimTemplates: [
      { name: 'datadir', storageClass: input.storageClass, size: input.size, labels: pxcLabels },
    ],
    template: {
      labels: pxcLabels,
      spec: {
        affinity: antiAffinity(pxcLabels),
        containers: [
          {
            name: 'pxc',
            image: PXC_IMAGE,
            command: ['/var/lib/mysql/pxc-entrypoint.sh'],
            args: ['mysqld'],
            env: [
              { name: 'PXC_SERVICE', value: `${name}-pxc-unready` },
              { name: 'MONITOR_HOST', value: '%' },
              {
                name: 'MYSQL_ROOT_PASSWORD',
                valueFrom: { secretKeyRef: { key: 'root', name: `internal-${name}` } },
              },
              {
                name: 'XTRABACKUP_PASSWORD',
                valueFrom: { secretKeyRef: { key: 'xtrabackup', name: `internal-${name}` } },
              },
              { name: 'LIVENESS_CHECK_TIMEOUT', value: '5' },
              { name: 'READINESS_CHECK_TIMEOUT', value: '15' },
            ],
            ports: [
              { containerPort: 3306, name: 'mysql', protocol: 'TCP' },
              { containerPort: 4444, name: 'sst', protocol: 'TCP' },
              { containerPort: 4567, name: 'write-set', protocol: 'TCP' },
              { containerPort: 4568, name: 'ist', protocol: 'TCP' },
              { containerPort: 33062, name: 'mysql-admin', protocol: 'TCP' },
              { containerPort: 33060, name: 'mysqlx', protocol: 'TCP' },
            ],
            resources: { requests: { cpu: '600m', memory: '1G' } },
            volumeMounts: [
              { mountPath: '/var/lib/mysql', name: 'datadir' },
              { mountPath: '/etc/percona-xtradb-cluster.conf.d', name: 'config' },
              { mountPath: '/tmp', name: 'tmp' },
              { mountPath: '/etc/mysql/ssl', name: 'ssl' },
            ],
          },
        ],
        initContainers: [
          {
            name: 'pxc-init',
            image: 'docker.io/percona/percona-xtradb-cluster-operator:1.15.1',
            command: ['/pxc-init-entrypoint.sh'],
            volumeMounts: [{ mountPath: '/var/lib/mysql', name: 'datadir' }],
          },
        ],
        securityContext: { fsGroup: 1001, supplementalGroups: [1001] },
        terminationGracePeriodSeconds: 600,
        volumes: [
          { emptyDir: {}, name: 'tmp' },
          { configMap: { defaultMode: 420, name: `${name}-pxc`, optional: true }, name: 'config' },
          { name: 'ssl', secret: { defaultMode: 420, optional: false, secretName: `${name}-ssl` } },
        ],
      },
    },
  });

  const haproxyLabels = componentLabels(name, 'haproxy');
  statefulSet(sample, {
    file: input.file,
    name: `${name}-haproxy`,
    namespace,
    created: shift(input.created, 21),
    selector: haproxyLabels,
    owners: [cluster],
    serviceName: `${name}-haproxy`,
    nodes: input.nodes,
    podsStarted: shift(input.podsStarted, 20),
    updateStrategy: { type: 'OnDelete' },
    template: {
      labels: haproxyLabels,
      spec: {
        affinity: antiAffinity(haproxyLabels),
        containers: [
          {
            name: 'haproxy',
            image: HAPROXY_IMAGE,
            command: ['/opt/percona/haproxy-entrypoint.sh'],
            args: ['haproxy'],
            env: [{ name: 'PXC_SERVICE', value: `${name}-pxc` }],
            ports: [
              { containerPort: 3306, name: 'mysql', protocol: 'TCP' },
              { containerPort: 3307, name: 'mysql-replicas', protocol: 'TCP' },
              { containerPort: 3309, name: 'proxy-protocol', protocol: 'TCP' },
              { containerPort: 33062, name: 'mysql-admin', protocol: 'TCP' },
            ],
            resources: { requests: { cpu: '100m', memory: '128M' } },
          },
        ],
        terminationGracePeriodSeconds: 30,
      },
    },
  });

  const mysqlPorts = [
    { name: 'mysql', port: 3306, targetPort: 3306 },
    { name: 'mysql-admin', port: 33062, targetPort: 33062 },
  ];
  const common = { file: input.file, namespace, created: shift(input.created, 19), owners: [cluster] };
  service(sample, {
    ...common,
    name: `${name}-pxc`,
    selector: pxcLabels,
    labels: pxcLabels,
    headless: true,
    ports: mysqlPorts,
  });
  service(sample, {
    ...common,
    name: `${name}-pxc-unready`,
    selector: pxcLabels,
    labels: pxcLabels,
    headless: true,
    publishNotReadyAddresses: true,
    ports: mysqlPorts,
  });
  service(sample, {
    ...common,
    name: `${name}-haproxy`,
    selector: haproxyLabels,
    labels: haproxyLabels,
    ports: [...mysqlPorts, { name: 'proxy-protocol', port: 3309, targetPort: 3309 }],
  });
  service(sample, {
    ...common,
    name: `${name}-haproxy-replicas`,
    selector: haproxyLabels,
    labels: haproxyLabels,
    ports: [{ name: 'mysql-replicas', port: 3306, targetPort: 3307 }],
  });
  return cluster;
}

function selectorPath(labels: Labels): string {
  return Object.entries(labels)
    .map(([k, v]) => `${k}=${v}`)
    .join(',');
}
