/**
 * Velero with file-system backups (kopia, node-agent) of apps, web and auth every night, stored
 * in the in-cluster MinIO, whose only volume is an RBD image in replicapool: the copies share the
 * fate of what they protect whenever the Ceph pool or storage class goes.
 * Shapes from velero.io/v1 (site/content/docs/main/api-types).
 */

import { daemonSet } from '../build/daemonset.ts';
import { deployment } from '../build/deployment.ts';
import { namespace } from '../build/network.ts';
import { NODE_NAMES, type Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';

const NS = 'velero';
const CREATED = '2025-04-19T11:02:45Z';
const VELERO_IMAGE = 'docker.io/velero/velero:v1.15.0';

const TEMPLATE = {
  csiSnapshotTimeout: '10m0s',
  defaultVolumesToFsBackup: true,
  hooks: {},
  includedNamespaces: ['apps', 'web', 'auth'],
  itemOperationTimeout: '4h0m0s',
  metadata: {},
  snapshotMoveData: false,
  storageLocation: 'default',
  ttl: '720h0m0s',
};

function veleroServer(sample: Sample): void {
  const labels = { component: 'velero', deploy: 'velero' };
  deployment(sample, {
    file: 'velero',
    name: 'velero',
    namespace: NS,
    created: CREATED,
    selector: labels,
    labels: { 'app.kubernetes.io/instance': 'velero', 'app.kubernetes.io/name': 'velero' },
    revision: 3,
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 2000),
    template: {
      labels: { ...labels, name: 'velero' },
      annotations: {
        'prometheus.io/path': '/metrics',
        'prometheus.io/port': '8085',
        'prometheus.io/scrape': 'true',
      },
      spec: {
        containers: [
          {
            name: 'velero',
            image: VELERO_IMAGE,
            command: ['/velero'],
            args: ['server', '--uploader-type=kopia', '--features=EnableCSI'],
            env: [
              { name: 'VELERO_SCRATCH_DIR', value: '/scratch' },
              {
                name: 'VELERO_NAMESPACE',
                valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'metadata.namespace' } },
              },
              { name: 'LD_LIBRARY_PATH', value: '/plugins' },
              { name: 'AWS_SHARED_CREDENTIALS_FILE', value: '/credentials/cloud' },
            ],
            ports: [{ containerPort: 8085, name: 'metrics', protocol: 'TCP' }],
            resources: { limits: { cpu: '1', memory: '512Mi' }, requests: { cpu: '500m', memory: '128Mi' } },
            volumeMounts: [
              { mountPath: '/plugins', name: 'plugins' },
              { mountPath: '/scratch', name: 'scratch' },
              { mountPath: '/credentials', name: 'cloud-credential' },
            ],
          },
        ],
        initContainers: [
          {
            name: 'velero-velero-plugin-for-aws',
            image: 'docker.io/velero/velero-plugin-for-aws:v1.11.0',
            volumeMounts: [{ mountPath: '/target', name: 'plugins' }],
          },
        ],
        restartPolicy: 'Always',
        serviceAccountName: 'velero',
        volumes: [
          { emptyDir: {}, name: 'plugins' },
          { emptyDir: {}, name: 'scratch' },
          // MinIO's access key, referenced by name only.
          { name: 'cloud-credential', secret: { defaultMode: 420, secretName: 'cloud-credentials' } },
        ],
      },
    },
  });

  const agentLabels = { name: 'node-agent' };
  daemonSet(sample, {
    file: 'velero',
    name: 'node-agent',
    namespace: NS,
    created: shift(CREATED, 3),
    selector: agentLabels,
    labels: { component: 'velero' },
    nodes: NODE_NAMES,
    podsStarted: shift(LAST_REBOOT, 260),
    template: {
      labels: { ...agentLabels, component: 'velero', role: 'node-agent' },
      spec: {
        containers: [
          {
            name: 'node-agent',
            image: VELERO_IMAGE,
            command: ['/velero'],
            args: ['node-agent', 'server'],
            env: [
              {
                name: 'NODE_NAME',
                valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } },
              },
            ],
            securityContext: { privileged: false },
            volumeMounts: [
              { mountPath: '/host_pods', mountPropagation: 'HostToContainer', name: 'host-pods' },
              {
                mountPath: '/var/lib/kubelet/plugins',
                mountPropagation: 'HostToContainer',
                name: 'host-plugins',
              },
              { mountPath: '/scratch', name: 'scratch' },
            ],
          },
        ],
        serviceAccountName: 'velero',
        volumes: [
          { hostPath: { path: '/var/lib/kubelet/pods', type: '' }, name: 'host-pods' },
          { hostPath: { path: '/var/lib/kubelet/plugins', type: '' }, name: 'host-plugins' },
          { emptyDir: {}, name: 'scratch' },
        ],
      },
    },
  });
}

function backup(sample: Sample, schedule: KubeObject, stamp: string, result: Record<string, unknown>): void {
  const started = `${stamp.slice(0, 4)}-${stamp.slice(4, 6)}-${stamp.slice(6, 8)}T${stamp.slice(8, 10)}:${stamp.slice(10, 12)}:${stamp.slice(12, 14)}Z`;
  sample.add('velero', {
    apiVersion: 'velero.io/v1',
    kind: 'Backup',
    metadata: sample.meta('Backup', {
      name: `${schedule.metadata.name}-${stamp}`,
      namespace: NS,
      created: started,
      generation: 9,
      labels: { 'velero.io/schedule-name': schedule.metadata.name, 'velero.io/storage-location': 'default' },
      annotations: {
        'velero.io/resource-timeout': '10m0s',
        'velero.io/source-cluster-k8s-gitversion': 'v1.31.3',
        'velero.io/source-cluster-k8s-major-version': '1',
        'velero.io/source-cluster-k8s-minor-version': '31',
      },
    }),
    spec: TEMPLATE,
    status: {
      expiration: shift(started, 720 * 3600),
      formatVersion: '1.1.0',
      hookStatus: {},
      startTimestamp: started,
      version: 1,
      ...result,
    },
  });
}

export function velero(sample: Sample): void {
  namespace(sample, 'velero', NS, shift(CREATED, -30));
  veleroServer(sample);

  sample.add('velero', {
    apiVersion: 'velero.io/v1',
    kind: 'BackupStorageLocation',
    metadata: sample.meta('BackupStorageLocation', {
      name: 'default',
      namespace: NS,
      created: shift(CREATED, 10),
      generation: 1,
      labels: { component: 'velero' },
    }),
    spec: {
      accessMode: 'ReadWrite',
      config: {
        region: 'minio',
        s3ForcePathStyle: 'true',
        s3Url: 'http://minio.minio.svc.cluster.local:9000',
      },
      credential: { key: 'cloud', name: 'cloud-credentials' },
      default: true,
      objectStorage: { bucket: 'velero' },
      provider: 'aws',
    },
    status: {
      lastSyncedTime: '2026-11-24T05:59:31Z',
      lastValidationTime: '2026-11-24T05:59:02Z',
      phase: 'Available',
    },
  });

  const schedule = sample.add('velero', {
    apiVersion: 'velero.io/v1',
    kind: 'Schedule',
    metadata: sample.meta('Schedule', {
      name: 'daily',
      namespace: NS,
      created: shift(CREATED, 20),
      generation: 3,
    }),
    spec: { schedule: '0 2 * * *', template: TEMPLATE, useOwnerReferencesInBackup: false },
    status: { lastBackup: '2026-11-24T02:00:12Z', phase: 'Enabled' },
  });
  backup(sample, schedule, '20261122020010', {
    completionTimestamp: '2026-11-22T02:06:41Z',
    phase: 'Completed',
    progress: { itemsBackedUp: 212, totalItems: 212 },
    warnings: 1,
  });
  backup(sample, schedule, '20261123020011', {
    completionTimestamp: '2026-11-23T02:09:17Z',
    // Two pod-volume (kopia) backups timed out; the rest of the backup is usable.
    errors: 2,
    phase: 'PartiallyFailed',
    progress: { itemsBackedUp: 212, totalItems: 212 },
    warnings: 1,
  });
  backup(sample, schedule, '20261124020012', {
    completionTimestamp: '2026-11-24T02:06:58Z',
    phase: 'Completed',
    progress: { itemsBackedUp: 212, totalItems: 212 },
    warnings: 1,
  });
}
