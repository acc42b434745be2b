/** Namespaces, Services and Ingresses as the API server returns them. */
import type { Sample } from './sample.ts';
import type { AreaFile, KubeObject, Labels } from './types.ts';

export function namespace(
  sample: Sample,
  file: AreaFile,
  name: string,
  created: string,
  labels: Labels = {},
) {
  return sample.add(file, {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: sample.meta('Namespace', {
      name,
      created,
      labels: { 'kubernetes.io/metadata.name': name, ...labels },
    }),
    spec: { finalizers: ['kubernetes'] },
    status: { phase: 'Active' },
  });
}

export interface ServicePort {
  name: string;
  port: number;
  targetPort: number | string;
  protocol?: string;
}

export interface ServiceInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  /** Omit for a selector-less Service (endpoints managed by hand or by an operator). */
  selector?: Labels;
  ports: ServicePort[];
  labels?: Labels;
  annotations?: Labels;
  owners?: KubeObject[];
  headless?: boolean;
  publishNotReadyAddresses?: boolean;
}

export function service(sample: Sample, input: ServiceInput): KubeObject {
  const clusterIp = input.headless ? 'None' : sample.serviceIp();
  return sample.add(input.file, {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: sample.meta('Service', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.annotations ? { annotations: input.annotations } : {}),
      ...(input.owners ? { owners: input.owners } : {}),
    }),
    spec: {
      clusterIP: clusterIp,
      clusterIPs: [clusterIp],
      internalTrafficPolicy: 'Cluster',
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: input.ports.map((p) => ({
        name: p.name,
        port: p.port,
        protocol: p.protocol ?? 'TCP',
        targetPort: p.targetPort,
      })),
      ...(input.publishNotReadyAddresses ? { publishNotReadyAddresses: true } : {}),
      ...(input.selector ? { selector: input.selector } : {}),
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
    status: { loadBalancer: {} },
  });
}

/** The LoadBalancer IPs (MetalLB) of the two ingress controllers. */
const INGRESS_ADDRESS: Record<string, string> = { nginx: '192.168.1.240', traefik: '192.168.1.241' };

export interface IngressInput {
  file: AreaFile;
  name: string;
  namespace: string;
  created: string;
  className: 'nginx' | 'traefik';
  host: string;
  serviceName: string;
  servicePort: number | string;
  annotations?: Labels;
  labels?: Labels;
}

export function ingress(sample: Sample, input: IngressInput): KubeObject {
  const port =
    typeof input.servicePort === 'number' ? { number: input.servicePort } : { name: input.servicePort };
  return sample.add(input.file, {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: sample.meta('Ingress', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      generation: 1,
      annotations: { 'cert-manager.io/cluster-issuer': 'letsencrypt-dns', ...input.annotations },
      ...(input.labels ? { labels: input.labels } : {}),
    }),
    spec: {
      ingressClassName: input.className,
      rules: [
        {
          host: input.host,
          http: {
            paths: [
              { backend: { service: { name: input.serviceName, port } }, path: '/', pathType: 'Prefix' },
            ],
          },
        },
      ],
      // The TLS Secret is referenced by name only; tierbook never reads Secrets.
      tls: [{ hosts: [input.host], secretName: `${input.name}-tls` }],
    },
    status: { loadBalancer: { ingress: [{ ip: INGRESS_ADDRESS[input.className] ?? '' }] } },
  });
}

/** A ConfigMap with the given data. */
export function configMap(
  sample: Sample,
  file: AreaFile,
  input: {
    name: string;
    namespace: string;
    created: string;
    labels?: Labels;
    owners?: KubeObject[];
    data: Record<string, string>;
  },
): KubeObject {
  return sample.add(file, {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: sample.meta('ConfigMap', {
      name: input.name,
      namespace: input.namespace,
      created: input.created,
      ...(input.labels ? { labels: input.labels } : {}),
      ...(input.owners ? { owners: input.owners } : {}),
    }),
    data: input.data,
  });
}
