/**
 * The apps people use, all behind Authentik: paperless-ngx through ingress-nginx's auth-url
 * (forward auth to Authentik's embedded outpost), BookStack through OIDC. Paperless keeps its
 * database in pg-main, BookStack in pxc-main.
 */

import { deployment } from '../build/deployment.ts';
import { ingress, namespace, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import type { Labels } from '../build/types.ts';
import { claim } from '../build/volumes.ts';

const NS = 'apps';
const CREATED = '2025-04-05T12:31:09Z';

/** ingress-nginx annotations that make every request ask Authentik first. */
const AUTHENTIK_NGINX: Labels = {
  'nginx.ingress.kubernetes.io/auth-response-headers':
    'Set-Cookie,X-authentik-username,X-authentik-groups,X-authentik-email,X-authentik-name,X-authentik-uid',
  'nginx.ingress.kubernetes.io/auth-signin':
    'https://auth.example.home/outpost.goauthentik.io/start?rd=$scheme://$http_host$escaped_request_uri',
  'nginx.ingress.kubernetes.io/auth-snippet': 'proxy_set_header X-Forwarded-Host $http_host;\n',
  'nginx.ingress.kubernetes.io/auth-url':
    'http://authentik-server.auth.svc.cluster.local:9000/outpost.goauthentik.io/auth/nginx',
};

const appLabels = (name: string): Labels => ({
  'app.kubernetes.io/instance': name,
  'app.kubernetes.io/name': name,
});
const secretRef = (name: string, key: string) => ({ valueFrom: { secretKeyRef: { key, name } } });

function paperless(sample: Sample): void {
  const labels = appLabels('paperless');
  claim(sample, {
    file: 'apps',
    name: 'paperless-data',
    namespace: NS,
    storageClass: 'ceph-block',
    size: '10Gi',
    created: CREATED,
    labels,
  });
  claim(sample, {
    file: 'apps',
    name: 'paperless-media',
    namespace: NS,
    storageClass: 'ceph-filesystem',
    size: '100Gi',
    accessModes: ['ReadWriteMany'],
    created: shift(CREATED, 1),
    labels,
  });
  deployment(sample, {
    file: 'apps',
    name: 'paperless',
    namespace: NS,
    created: shift(CREATED, 5),
    selector: labels,
    revision: 6,
    strategy: { type: 'Recreate' },
    nodes: ['k8s-1'],
    podsStarted: shift(LAST_REBOOT, 1900),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'paperless',
            image: 'ghcr.io/paperless-ngx/paperless-ngx:2.13.5',
            env: [
              { name: 'PAPERLESS_URL', value: 'https://paperless.example.home' },
              { name: 'PAPERLESS_DBHOST', value: 'pg-main-rw.databases.svc.cluster.local' },
              { name: 'PAPERLESS_DBNAME', value: 'paperless' },
              { name: 'PAPERLESS_DBUSER', value: 'paperless' },
              { name: 'PAPERLESS_DBPASS', ...secretRef('paperless-db', 'password') },
              { name: 'PAPERLESS_REDIS', value: 'redis://paperless-redis.apps.svc.cluster.local:6379' },
              { name: 'PAPERLESS_ENABLE_HTTP_REMOTE_USER', value: 'true' },
              { name: 'PAPERLESS_HTTP_REMOTE_USER_HEADER_NAME', value: 'HTTP_X_AUTHENTIK_USERNAME' },
            ],
            ports: [{ containerPort: 8000, name: 'http', protocol: 'TCP' }],
            resources: { requests: { cpu: '250m', memory: '1Gi' } },
            volumeMounts: [
              { mountPath: '/usr/src/paperless/data', name: 'data' },
              { mountPath: '/usr/src/paperless/media', name: 'media' },
            ],
          },
        ],
        volumes: [
          { name: 'data', persistentVolumeClaim: { claimName: 'paperless-data' } },
          { name: 'media', persistentVolumeClaim: { claimName: 'paperless-media' } },
        ],
      },
    },
  });
  service(sample, {
    file: 'apps',
    name: 'paperless',
    namespace: NS,
    created: shift(CREATED, 4),
    selector: labels,
    labels,
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  });
  ingress(sample, {
    file: 'apps',
    name: 'paperless',
    namespace: NS,
    created: shift(CREATED, 6),
    className: 'nginx',
    host: 'paperless.example.home',
    serviceName: 'paperless',
    servicePort: 'http',
    annotations: AUTHENTIK_NGINX,
    labels,
  });

  const redisLabels = appLabels('paperless-redis');
  deployment(sample, {
    file: 'apps',
    name: 'paperless-redis',
    namespace: NS,
    created: shift(CREATED, 2),
    selector: redisLabels,
    revision: 2,
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 1880),
    template: {
      labels: redisLabels,
      spec: {
        // A task queue only: nothing in it is worth a volume.
        containers: [
          {
            name: 'redis',
            image: 'docker.io/library/redis:7.4.1-alpine',
            args: ['redis-server', '--save', '', '--appendonly', 'no'],
            ports: [{ containerPort: 6379, name: 'redis', protocol: 'TCP' }],
          },
        ],
      },
    },
  });
  service(sample, {
    file: 'apps',
    name: 'paperless-redis',
    namespace: NS,
    created: shift(CREATED, 2),
    selector: redisLabels,
    labels: redisLabels,
    ports: [{ name: 'redis', port: 6379, targetPort: 'redis' }],
  });
}

function bookstack(sample: Sample): void {
  const created = '2025-05-17T10:12:44Z';
  const labels = appLabels('bookstack');
  claim(sample, {
    file: 'apps',
    name: 'bookstack-uploads',
    namespace: NS,
    storageClass: 'ceph-ec',
    size: '20Gi',
    created,
    labels,
  });
  deployment(sample, {
    file: 'apps',
    name: 'bookstack',
    namespace: NS,
    created: shift(created, 3),
    selector: labels,
    revision: 3,
    strategy: { type: 'Recreate' },
    nodes: ['k8s-2'],
    podsStarted: shift(LAST_REBOOT, 1960),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'bookstack',
            image: 'lscr.io/linuxserver/bookstack:24.10.20241031',
            env: [
              { name: 'APP_URL', value: 'https://wiki.example.home' },
              { name: 'DB_HOST', value: 'pxc-main-haproxy.databases' },
              { name: 'DB_PORT', value: '3306' },
              { name: 'DB_DATABASE', value: 'bookstack' },
              { name: 'DB_USERNAME', value: 'bookstack' },
              { name: 'DB_PASSWORD', ...secretRef('bookstack-db', 'password') },
              { name: 'AUTH_METHOD', value: 'oidc' },
              { name: 'OIDC_NAME', value: 'Authentik' },
              { name: 'OIDC_ISSUER', value: 'https://auth.example.home/application/o/bookstack/' },
              { name: 'OIDC_ISSUER_DISCOVER', value: 'true' },
              { name: 'OIDC_CLIENT_ID', ...secretRef('bookstack-oidc', 'client-id') },
              { name: 'OIDC_CLIENT_SECRET', ...secretRef('bookstack-oidc', 'client-secret') },
            ],
            ports: [{ containerPort: 80, name: 'http', protocol: 'TCP' }],
            volumeMounts: [{ mountPath: '/config', name: 'uploads' }],
          },
        ],
        volumes: [{ name: 'uploads', persistentVolumeClaim: { claimName: 'bookstack-uploads' } }],
      },
    },
  });
  service(sample, {
    file: 'apps',
    name: 'bookstack',
    namespace: NS,
    created: shift(created, 2),
    selector: labels,
    labels,
    ports: [{ name: 'http', port: 80, targetPort: 'http' }],
  });
  ingress(sample, {
    file: 'apps',
    name: 'bookstack',
    namespace: NS,
    created: shift(created, 4),
    className: 'nginx',
    host: 'wiki.example.home',
    serviceName: 'bookstack',
    servicePort: 'http',
    labels,
  });
}

export function apps(sample: Sample): void {
  namespace(sample, 'apps', NS, shift(CREATED, -120));
  paperless(sample);
  bookstack(sample);
}
