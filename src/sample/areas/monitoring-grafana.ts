/**
 * Grafana on ceph-block behind a Traefik forward-auth Middleware that asks Authentik, reading
 * Prometheus and Loki (monitoring.ts) through its datasources ConfigMap.
 */
import { deployment } from '../build/deployment.ts';
import { configMap, ingress, service } from '../build/network.ts';
import type { Sample } from '../build/sample.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import { claim } from '../build/volumes.ts';
import { CREATED, labelsOf, NS } from './monitoring-common.ts';

const DATASOURCES = `apiVersion: 1
datasources:
  - name: Prometheus
    type: prometheus
    access: proxy
    url: http://prometheus.monitoring.svc:9090
    isDefault: true
  - name: Loki
    type: loki
    access: proxy
    url: http://loki.monitoring.svc.cluster.local:3100
`;

export function grafana(sample: Sample): void {
  const labels = labelsOf('grafana');
  const created = shift(CREATED, 180);
  configMap(sample, 'monitoring', {
    name: 'grafana-datasources',
    namespace: NS,
    created,
    labels,
    data: { 'datasources.yaml': DATASOURCES },
  });
  claim(sample, {
    file: 'monitoring',
    name: 'grafana',
    namespace: NS,
    storageClass: 'ceph-block',
    size: '5Gi',
    created,
    labels,
  });
  deployment(sample, {
    file: 'monitoring',
    name: 'grafana',
    namespace: NS,
    created: shift(created, 2),
    selector: labels,
    revision: 8,
    strategy: { type: 'Recreate' },
    nodes: ['k8s-1'],
    podsStarted: shift(LAST_REBOOT, 1850),
    template: {
      labels,
      spec: {
        containers: [
          {
            name: 'grafana',
            image: 'docker.io/grafana/grafana:11.3.1',
            env: [
              { name: 'GF_SERVER_ROOT_URL', value: 'https://grafana.example.home' },
              { name: 'GF_AUTH_PROXY_ENABLED', value: 'true' },
              { name: 'GF_AUTH_PROXY_HEADER_NAME', value: 'X-authentik-username' },
              { name: 'GF_AUTH_PROXY_AUTO_SIGN_UP', value: 'true' },
            ],
            ports: [{ containerPort: 3000, name: 'grafana', protocol: 'TCP' }],
            volumeMounts: [
              { mountPath: '/var/lib/grafana', name: 'storage' },
              { mountPath: '/etc/grafana/provisioning/datasources', name: 'datasources', readOnly: true },
            ],
          },
        ],
        securityContext: { fsGroup: 472, runAsGroup: 472, runAsUser: 472 },
        volumes: [
          { name: 'storage', persistentVolumeClaim: { claimName: 'grafana' } },
          { configMap: { defaultMode: 420, name: 'grafana-datasources' }, name: 'datasources' },
        ],
      },
    },
  });
  service(sample, {
    file: 'monitoring',
    name: 'grafana',
    namespace: NS,
    created: shift(created, 1),
    selector: labels,
    labels,
    ports: [{ name: 'http', port: 80, targetPort: 'grafana' }],
  });
  sample.add('monitoring', {
    apiVersion: 'traefik.io/v1alpha1',
    kind: 'Middleware',
    metadata: sample.meta('Middleware', {
      name: 'authentik',
      namespace: NS,
      created: shift(created, 3),
      generation: 1,
    }),
    spec: {
      forwardAuth: {
        address: 'http://authentik-server.auth.svc.cluster.local:9000/outpost.goauthentik.io/auth/traefik',
        authResponseHeaders: [
          'X-authentik-username',
          'X-authentik-groups',
          'X-authentik-email',
          'X-authentik-name',
          'X-authentik-uid',
        ],
        trustForwardHeader: true,
      },
    },
  });
  ingress(sample, {
    file: 'monitoring',
    name: 'grafana',
    namespace: NS,
    created: shift(created, 4),
    className: 'traefik',
    host: 'grafana.example.home',
    serviceName: 'grafana',
    servicePort: 'http',
    // Traefik names a CRD middleware `<namespace>-<name>@kubernetescrd`.
    annotations: { 'traefik.ingress.kubernetes.io/router.middlewares': 'monitoring-authentik@kubernetescrd' },
    labels,
  });
}
