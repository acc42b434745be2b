/**
 * The in-cluster MinIO that Velero and the Percona backups write to. Its one volume is an RBD
 * image in replicapool (ceph-block), so "the backups" live inside the Ceph blast radius.
 */
import { namespace, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { statefulSet } from '../build/statefulset.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';

const NS = 'minio';
const CREATED = '2025-04-19T10:21:06Z';

export function minio(sample: Sample): void {
  namespace(sample, 'minio', NS, shift(CREATED, -30));
  const labels = { 'app.kubernetes.io/instance': 'minio', 'app.kubernetes.io/name': 'minio' };
  statefulSet(sample, {
    file: 'minio',
    name: 'minio',
    namespace: NS,
    created: CREATED,
    selector: labels,
    serviceName: 'minio-hl',
    nodes: ['k8s-1'],
    podsStarted: shift(LAST_REBOOT, 1400),
    claimTemplates: [{ name: 'data', storageClass: 'ceph-block', size: '200Gi' }],
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'minio',
            image: 'quay.io/minio/minio:RELEASE.2024-11-07T00-52-20Z',
            args: ['server', '/data', '--console-address', ':9001'],
            env: [
              {
                name: 'MINIO_ROOT_USER',
                valueFrom: { secretKeyRef: { key: 'rootUser', name: 'minio-root' } },
              },
              {
                name: 'MINIO_ROOT_PASSWORD',
                valueFrom: { secretKeyRef: { key: 'rootPassword', name: 'minio-root' } },
              },
              { name: 'MINIO_PROMETHEUS_AUTH_TYPE', value: 'public' },
            ],
            ports: [
              { containerPort: 9000, name: 'api', protocol: 'TCP' },
              { containerPort: 9001, name: 'console', protocol: 'TCP' },
            ],
            resources: { requests: { cpu: '100m', memory: '512Mi' } },
            volumeMounts: [{ mountPath: '/data', name: 'data' }],
          },
        ],
        securityContext: { fsGroup: 1000, runAsGroup: 1000, runAsUser: 1000 },
      },
    },
  });
  const common = {
    file: 'minio' as const,
    namespace: NS,
    created: shift(CREATED, -1),
    selector: labels,
    labels,
  };
  service(sample, { ...common, name: 'minio', ports: [{ name: 'api', port: 9000, targetPort: 'api' }] });
  service(sample, {
    ...common,
    name: 'minio-console',
    ports: [{ name: 'console', port: 9001, targetPort: 'console' }],
  });
  service(sample, {
    ...common,
    name: 'minio-hl',
    headless: true,
    publishNotReadyAddresses: true,
    ports: [{ name: 'api', port: 9000, targetPort: 'api' }],
  });
}
