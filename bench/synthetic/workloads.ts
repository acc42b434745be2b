import type { KubeObject } from '../../src/core/model.ts';
import { volume } from './storage.ts';

/** What one synthetic workload needs to be built: its place, its size, and shared choices. */
export interface WorkloadSpec {
  namespace: string;
  name: string;
  pods: number;
  /** The node each pod is scheduled on, in order. */
  nodes: string[];
  uid: () => string;
}

type Labels = Record<string, string>;

function pod(
  spec: WorkloadSpec,
  name: string,
  labels: Labels,
  owner: KubeObject,
  node: string,
  claims: string[],
  env: object[],
): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: {
      name,
      namespace: spec.namespace,
      uid: spec.uid(),
      labels,
      ownerReferences: [
        {
          apiVersion: owner.apiVersion,
          kind: owner.kind,
          name: owner.metadata.name ?? '',
          uid: owner.metadata.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: {
      nodeName: node,
      containers: [{ name: 'main', image: 'ghcr.io/example/app:1.0.0', env }],
      volumes: claims.map((claim, i) => ({ name: `data-${i}`, persistentVolumeClaim: { claimName: claim } })),
    },
    status: { phase: 'Running' },
  };
}

function service(spec: WorkloadSpec, name: string, selector: Labels): KubeObject {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name, namespace: spec.namespace },
    spec: { type: 'ClusterIP', selector, ports: [{ name: 'http', port: 80 }] },
  };
}

/** A CloudNativePG Cluster: one pod and one PVC per instance, a `-rw` Service. */
export function cnpgCluster(spec: WorkloadSpec, localEvery: number): KubeObject[] {
  const cluster: KubeObject = {
    apiVersion: 'postgresql.cnpg.io/v1',
    kind: 'Cluster',
    metadata: { name: spec.name, namespace: spec.namespace, uid: spec.uid() },
    spec: { instances: spec.pods, storage: { size: '10Gi', storageClass: 'ceph-block' } },
  };
  const objects: KubeObject[] = [cluster, service(spec, `${spec.name}-rw`, { 'cnpg.io/cluster': spec.name })];
  spec.nodes.forEach((node, i) => {
    const instance = `${spec.name}-${i + 1}`;
    const [pvc, pv] = volume(spec.namespace, instance, spec.uid(), i % localEvery === 0 ? node : null);
    (pvc as KubeObject).metadata.ownerReferences = [
      {
        apiVersion: 'postgresql.cnpg.io/v1',
        kind: 'Cluster',
        name: spec.name,
        uid: cluster.metadata.uid ?? '',
        controller: true,
      },
    ];
    objects.push(pvc as KubeObject, pv as KubeObject);
    objects.push(
      pod(
        spec,
        instance,
        { 'cnpg.io/cluster': spec.name, 'cnpg.io/instanceName': instance },
        cluster,
        node,
        [instance],
        [],
      ),
    );
  });
  return objects;
}

/** A StatefulSet with one claim per replica from a claim template. */
export function statefulSet(spec: WorkloadSpec, local: boolean): KubeObject[] {
  const labels = { 'app.kubernetes.io/name': spec.name };
  const set: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: spec.name, namespace: spec.namespace, uid: spec.uid() },
    spec: {
      replicas: spec.pods,
      serviceName: spec.name,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: { containers: [{ name: 'main', image: 'docker.io/library/redis:7.4.1' }] },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: local ? 'local-path' : 'ceph-block',
            resources: { requests: { storage: '10Gi' } },
          },
        },
      ],
    },
  };
  const objects: KubeObject[] = [set, service(spec, spec.name, labels)];
  spec.nodes.forEach((node, i) => {
    const claim = `data-${spec.name}-${i}`;
    objects.push(...volume(spec.namespace, claim, spec.uid(), local ? node : null));
    objects.push(pod(spec, `${spec.name}-${i}`, labels, set, node, [claim], []));
  });
  return objects;
}

/** A Deployment (with its ReplicaSet) that names a database Service in env, maybe behind forward-auth. */
export function deployment(
  spec: WorkloadSpec,
  options: { database: string | null; withVolume: boolean; behindAuth: boolean },
): KubeObject[] {
  const labels = { 'app.kubernetes.io/name': spec.name };
  const env = options.database ? [{ name: 'DB_HOST', value: options.database }] : [];
  const claims = options.withVolume ? [`${spec.name}-data`] : [];
  const template = {
    metadata: { labels },
    spec: {
      containers: [{ name: 'main', image: 'ghcr.io/example/app:1.0.0', env }],
      volumes: claims.map((claim) => ({ name: 'data', persistentVolumeClaim: { claimName: claim } })),
    },
  };
  const deploy: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: spec.name, namespace: spec.namespace, uid: spec.uid() },
    spec: { replicas: spec.pods, selector: { matchLabels: labels }, template },
  };
  const replicaSet: KubeObject = {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: {
      name: `${spec.name}-7d9f8c6b5`,
      namespace: spec.namespace,
      uid: spec.uid(),
      labels,
      ownerReferences: [
        {
          apiVersion: 'apps/v1',
          kind: 'Deployment',
          name: spec.name,
          uid: deploy.metadata.uid ?? '',
          controller: true,
        },
      ],
    },
    spec: { replicas: spec.pods, selector: { matchLabels: labels }, template },
  };
  const objects: KubeObject[] = [deploy, replicaSet, service(spec, spec.name, labels)];
  for (const claim of claims) objects.push(...volume(spec.namespace, claim, spec.uid(), null));
  spec.nodes.forEach((node, i) => {
    objects.push(
      pod(
        spec,
        `${spec.name}-7d9f8c6b5-${i.toString(36).padStart(5, 'x')}`,
        labels,
        replicaSet,
        node,
        claims,
        env,
      ),
    );
  });
  if (options.behindAuth) {
    objects.push({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: spec.name,
        namespace: spec.namespace,
        annotations: {
          'nginx.ingress.kubernetes.io/auth-url':
            'http://idp.auth.svc.cluster.local/outpost.goauthentik.io/auth/nginx',
        },
      },
      spec: {
        rules: [
          {
            host: `${spec.name}.${spec.namespace}.example.test`,
            http: {
              paths: [
                {
                  path: '/',
                  pathType: 'Prefix',
                  backend: { service: { name: spec.name, port: { name: 'http' } } },
                },
              ],
            },
          },
        ],
      },
    });
  }
  return objects;
}
