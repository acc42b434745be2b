/**
 * Metrics and logs on local-path volumes pinned to k8s-3 (they survived the Ceph incident, and
 * would not survive k8s-3), Grafana on ceph-block behind a Traefik forward-auth Middleware that
 * asks Authentik, and node-exporter on every node reading /proc and /sys. Data, not logic, as an
 * operator's manifests would be; Grafana is in monitoring-grafana.ts.
 */

import { daemonSet } from '../build/daemonset.ts';
import { configMap, namespace, service } from '../build/network.ts';
import { NODE_NAMES, type Sample } from '../build/sample.ts';
import { statefulSet } from '../build/statefulset.ts';
import { LAST_REBOOT, shift } from '../build/time.ts';
import { CREATED, labelsOf, NS } from './monitoring-common.ts';
import { grafana } from './monitoring-grafana.ts';

function metricsAndLogs(sample: Sample): void {
  const prometheus = labelsOf('prometheus');
  statefulSet(sample, {
    file: 'monitoring',
    name: 'prometheus',
    namespace: NS,
    created: shift(CREATED, 60),
    selector: prometheus,
    serviceName: 'prometheus',
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 1810),
    claimTemplates: [{ name: 'prometheus-data', storageClass: 'local-path', size: '50Gi' }],
    template: {
      labels: prometheus,
      spec: {
        containers: [
          {
            name: 'prometheus',
            image: 'quay.io/prometheus/prometheus:v2.55.1',
            args: [
              '--config.file=/etc/prometheus/prometheus.yml',
              '--storage.tsdb.path=/prometheus',
              '--storage.tsdb.retention.time=30d',
            ],
            ports: [{ containerPort: 9090, name: 'http', protocol: 'TCP' }],
            resources: { requests: { cpu: '200m', memory: '2Gi' } },
            volumeMounts: [
              { mountPath: '/prometheus', name: 'prometheus-data' },
              { mountPath: '/etc/prometheus', name: 'config' },
            ],
          },
        ],
        serviceAccountName: 'prometheus',
        volumes: [{ configMap: { defaultMode: 420, name: 'prometheus-config' }, name: 'config' }],
      },
    },
  });
  service(sample, {
    file: 'monitoring',
    name: 'prometheus',
    namespace: NS,
    created: shift(CREATED, 59),
    selector: prometheus,
    labels: prometheus,
    ports: [{ name: 'http', port: 9090, targetPort: 'http' }],
  });
  configMap(sample, 'monitoring', {
    name: 'prometheus-config',
    namespace: NS,
    created: shift(CREATED, 58),
    labels: prometheus,
    data: {
      'prometheus.yml':
        'global:\n  scrape_interval: 30s\nscrape_configs:\n  - job_name: node-exporter\n    kubernetes_sd_configs:\n      - role: endpoints\n        namespaces:\n          names: [monitoring]\n  - job_name: ceph\n    static_configs:\n      - targets: [rook-ceph-mgr.rook-ceph.svc:9283]\n',
    },
  });

  const loki = labelsOf('loki');
  statefulSet(sample, {
    file: 'monitoring',
    name: 'loki',
    namespace: NS,
    created: shift(CREATED, 120),
    selector: loki,
    serviceName: 'loki',
    nodes: ['k8s-3'],
    podsStarted: shift(LAST_REBOOT, 1830),
    claimTemplates: [{ name: 'storage', storageClass: 'local-path', size: '30Gi' }],
    template: {
      labels: loki,
      spec: {
        containers: [
          {
            name: 'loki',
            image: 'docker.io/grafana/loki:3.3.0',
            args: ['-config.file=/etc/loki/config.yaml', '-target=all'],
            ports: [{ containerPort: 3100, name: 'http-metrics', protocol: 'TCP' }],
            volumeMounts: [{ mountPath: '/var/loki', name: 'storage' }],
          },
        ],
        securityContext: { fsGroup: 10001, runAsGroup: 10001, runAsNonRoot: true, runAsUser: 10001 },
      },
    },
  });
  service(sample, {
    file: 'monitoring',
    name: 'loki',
    namespace: NS,
    created: shift(CREATED, 119),
    selector: loki,
    labels: loki,
    ports: [{ name: 'http-metrics', port: 3100, targetPort: 'http-metrics' }],
  });
}

function nodeExporter(sample: Sample): void {
  const labels = labelsOf('node-exporter');
  daemonSet(sample, {
    file: 'monitoring',
    name: 'node-exporter',
    namespace: NS,
    created: shift(CREATED, 30),
    selector: labels,
    nodes: NODE_NAMES,
    podsStarted: shift(LAST_REBOOT, 200),
    template: {
      labels,
      spec: {
        automountServiceAccountToken: false,
        containers: [
          {
            name: 'node-exporter',
            image: 'quay.io/prometheus/node-exporter:v1.8.2',
            args: [
              '--path.procfs=/host/proc',
              '--path.sysfs=/host/sys',
              '--path.rootfs=/host/root',
              '--web.listen-address=:9100',
            ],
            ports: [{ containerPort: 9100, hostPort: 9100, name: 'metrics', protocol: 'TCP' }],
            volumeMounts: [
              { mountPath: '/host/proc', name: 'proc', readOnly: true },
              { mountPath: '/host/sys', name: 'sys', readOnly: true },
              { mountPath: '/host/root', mountPropagation: 'HostToContainer', name: 'root', readOnly: true },
            ],
          },
        ],
        hostNetwork: true,
        hostPID: true,
        tolerations: [{ effect: 'NoSchedule', operator: 'Exists' }],
        volumes: [
          { hostPath: { path: '/proc', type: '' }, name: 'proc' },
          { hostPath: { path: '/sys', type: '' }, name: 'sys' },
          { hostPath: { path: '/', type: '' }, name: 'root' },
        ],
      },
    },
  });
  service(sample, {
    file: 'monitoring',
    name: 'node-exporter',
    namespace: NS,
    created: shift(CREATED, 29),
    selector: labels,
    labels,
    headless: true,
    ports: [{ name: 'metrics', port: 9100, targetPort: 'metrics' }],
  });
}

export function monitoring(sample: Sample): void {
  namespace(sample, 'monitoring', NS, shift(CREATED, -30));
  nodeExporter(sample);
  metricsAndLogs(sample);
  grafana(sample);
}
