/**
 * Authentik, the identity provider every app in `apps` and Grafana sit behind. Its PostgreSQL
 * (CloudNativePG `authentik-db`) has ONE instance and no backup configured; its Redis keeps its
 * append-only file on ceph-scratch (size 1). When osd.3 went, Authentik went, and so did every
 * app that asks it who the user is.
 */

import { deployment } from '../build/deployment.ts';
import { ingress, namespace, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { statefulSet } from '../build/statefulset.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { Container, Labels } from '../build/types.ts';
import { claim } from '../build/volumes.ts';
import { cnpgCluster } from './cnpg.ts';

const NS = 'auth';
const CREATED = '2025-03-16T18:25:40Z';
const AUTHENTIK_IMAGE = 'ghcr.io/goauthentik/server:2025.8.1';

function authentikLabels(component: string): { selector: Labels; labels: Labels } {
  const selector = {
    'app.kubernetes.io/component': component,
    'app.kubernetes.io/instance': 'authentik',
    'app.kubernetes.io/name': 'authentik',
  };
  return {
    selector,
    labels: {
      ...selector,
      'app.kubernetes.io/managed-by': 'Helm',
      'app.kubernetes.io/part-of': 'authentik',
      'app.kubernetes.io/version': '2025.8.1',
      'helm.sh/chart': 'authentik-2025.8.1',
    },
  };
}

const secretRef = (name: string, key: string) => ({ valueFrom: { secretKeyRef: { key, name } } });

const authentikEnv = [
  { name: 'AUTHENTIK_POSTGRESQL__HOST', value: 'authentik-db-rw.auth.svc.cluster.local' },
  { name: 'AUTHENTIK_POSTGRESQL__NAME', value: 'authentik' },
  { name: 'AUTHENTIK_POSTGRESQL__USER', value: 'authentik' },
  { name: 'AUTHENTIK_POSTGRESQL__PASSWORD', ...secretRef('authentik-db-app', 'password') },
  { name: 'AUTHENTIK_REDIS__HOST', value: 'authentik-redis.auth.svc' },
  { name: 'AUTHENTIK_SECRET_KEY', ...secretRef('authentik-secret-key', 'secret-key') },
  { name: 'AUTHENTIK_ERROR_REPORTING__ENABLED', value: 'false' },
  { name: 'AUTHENTIK_LOG_LEVEL', value: 'info' },
];

function authentikContainer(component: 'server' | 'worker', extra: Partial<Container> = {}): Container {
  return {
    name: component,
    image: AUTHENTIK_IMAGE,
    args: [component],
    env: authentikEnv,
    resources: { requests: { cpu: '100m', memory: component === 'server' ? '512Mi' : '384Mi' } },
    ...extra,
  };
}

export function auth(sample: Sample): void {
  namespace(sample, 'auth', NS, shift(CREATED, -300));

  cnpgCluster(sample, {
    file: 'auth',
    name: 'authentik-db',
    namespace: NS,
    created: CREATED,
    podsStarted: shift(LAST_REBOOT, 1520),
    nodes: ['k8s-2'],
    database: 'authentik',
    storage: { storageClass: 'ceph-block', size: '5Gi' },
    labels: { 'app.kubernetes.io/part-of': 'authentik' },
  });

  const redisSelector = { 'app.kubernetes.io/instance': 'authentik', 'app.kubernetes.io/name': 'redis' };
  statefulSet(sample, {
    file: 'auth',
    name: 'authentik-redis',
    namespace: NS,
    created: shift(CREATED, 120),
    selector: redisSelector,
    labels: { 'app.kubernetes.io/managed-by': 'Helm', 'app.kubernetes.io/part-of': 'authentik' },
    serviceName: 'authentik-redis',
    nodes: ['k8s-2'],
    podsStarted: shift(LAST_REBOOT, 1580),
    claimTemplates: [{ name: 'data', storageClass: 'ceph-scratch', size: '1Gi' }],
    template: {
      labels: redisSelector,
      spec: {
        containers: [
          {
            name: 'redis',
            image: 'docker.io/library/redis:7.4.1-alpine',
            args: ['redis-server', '--appendonly', 'yes', '--save', '60', '1'],
            ports: [{ containerPort: 6379, name: 'redis', protocol: 'TCP' }],
            resources: { requests: { cpu: '50m', memory: '64Mi' } },
            volumeMounts: [{ mountPath: '/data', name: 'data' }],
          },
        ],
      },
    },
  });
  service(sample, {
    file: 'auth',
    name: 'authentik-redis',
    namespace: NS,
    created: shift(CREATED, 119),
    selector: redisSelector,
    labels: redisSelector,
    ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }],
  });

  claim(sample, {
    file: 'auth',
    name: 'authentik-media',
    namespace: NS,
    storageClass: 'ceph-block-retain',
    size: '2Gi',
    created: shift(CREATED, 180),
    labels: authentikLabels('server').labels,
  });

  const server = authentikLabels('server');
  deployment(sample, {
    file: 'auth',
    name: 'authentik-server',
    namespace: NS,
    created: shift(CREATED, 180),
    selector: server.selector,
    labels: server.labels,
    annotations: { 'meta.helm.sh/release-name': 'authentik', 'meta.helm.sh/release-namespace': NS },
    revision: 14,
    nodes: ['k8s-1'],
    podsStarted: shift(LAST_REBOOT, 1700),
    template: {
      labels: server.labels,
      spec: {
        containers: [
          authentikContainer('server', {
            ports: [
              { containerPort: 9000, name: 'http', protocol: 'TCP' },
              { containerPort: 9443, name: 'https', protocol: 'TCP' },
              { containerPort: 9300, name: 'metrics', protocol: 'TCP' },
            ],
            readinessProbe: { httpGet: { path: '/-/health/ready/', port: 'http' }, periodSeconds: 10 },
            volumeMounts: [{ mountPath: '/media', name: 'media' }],
          }),
        ],
        serviceAccountName: 'authentik',
        volumes: [{ name: 'media', persistentVolumeClaim: { claimName: 'authentik-media' } }],
      },
    },
  });
  const worker = authentikLabels('worker');
  deployment(sample, {
    file: 'auth',
    name: 'authentik-worker',
    namespace: NS,
    created: shift(CREATED, 181),
    selector: worker.selector,
    labels: worker.labels,
    annotations: { 'meta.helm.sh/release-name': 'authentik', 'meta.helm.sh/release-namespace': NS },
    revision: 14,
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 1710),
    template: {
      labels: worker.labels,
      spec: { containers: [authentikContainer('worker')], serviceAccountName: 'authentik' },
    },
  });
  service(sample, {
    file: 'auth',
    name: 'authentik-server',
    namespace: NS,
    created: shift(CREATED, 179),
    selector: server.selector,
    labels: server.labels,
    ports: [
      { name: 'http', port: 9000, targetPort: 'http' },
      { name: 'https', port: 9443, targetPort: 'https' },
    ],
  });
  ingress(sample, {
    file: 'auth',
    name: 'authentik',
    namespace: NS,
    created: shift(CREATED, 182),
    className: 'nginx',
    host: 'auth.example.home',
    serviceName: 'authentik-server',
    servicePort: 'http',
    labels: server.labels,
  });
}
