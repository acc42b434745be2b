import type { KubeObject, SourceItem } from '../../src/core/model.ts';
import { fakeUid, seededRandom } from './random.ts';
import { rookCluster } from './storage.ts';
import { cnpgCluster, deployment, statefulSet, type WorkloadSpec } from './workloads.ts';

export interface SyntheticOptions {
  /** Application workloads (an identity provider and its database come on top). */
  workloads: number;
  /** Pods (instances) per workload; default 2. */
  podsPerWorkload?: number;
  /** Same seed, same cluster; default 1. */
  seed?: number;
}

/** Workloads per namespace; each namespace gets two databases the others use. */
const PER_NAMESPACE = 20;

/**
 * A deterministic synthetic cluster for benchmarks: 3-12 nodes with two Rook OSDs each, a
 * size-3 pool and local-path; per namespace of 20 workloads, 2 CloudNativePG clusters, 6
 * StatefulSets (a third on local-path), 12 Deployments naming a database in env, every third
 * behind forward-auth to an identity provider. Every object as `kubectl get -o json` would
 * show it, trimmed to the fields tierbook reads.
 */
export function syntheticCluster(options: SyntheticOptions): SourceItem[] {
  const pods = options.podsPerWorkload ?? 2;
  const random = seededRandom(options.seed ?? 1);
  let counter = 0;
  const uid = () => fakeUid(++counter);
  const nodeCount = Math.min(12, Math.max(3, 3 + Math.floor(options.workloads / 250)));
  const nodes = Array.from({ length: nodeCount }, (_, i) => `node-${String(i + 1).padStart(2, '0')}`);
  const pick = () => nodes[Math.floor(random() * nodes.length)] as string;
  const objects: KubeObject[] = nodes.map((name) => ({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name } },
    status: { conditions: [{ type: 'Ready', status: 'True' }] },
  }));
  objects.push(...rookCluster(nodes));
  const spec = (namespace: string, name: string, count: number): WorkloadSpec => ({
    namespace,
    name,
    pods: count,
    nodes: Array.from({ length: count }, pick),
    uid,
  });
  objects.push(...cnpgCluster(spec('auth', 'idp-db', 1), 2));
  objects.push(
    ...deployment(spec('auth', 'idp', 1), {
      database: 'idp-db-rw.auth.svc.cluster.local',
      withVolume: false,
      behindAuth: false,
    }),
  );
  for (let i = 0; i < options.workloads; i++) {
    const namespace = `team-${String(Math.floor(i / PER_NAMESPACE)).padStart(3, '0')}`;
    const slot = i % PER_NAMESPACE;
    const name = `app-${String(i).padStart(5, '0')}`;
    if (slot % 10 === 0) objects.push(...cnpgCluster(spec(namespace, `db-${slot}`, pods), 3));
    else if (slot % 10 <= 3) objects.push(...statefulSet(spec(namespace, name, pods), slot % 10 === 1));
    else {
      const database = `db-${slot < 10 ? 0 : 10}-rw.${namespace}.svc.cluster.local`;
      objects.push(
        ...deployment(spec(namespace, name, pods), {
          database,
          withVolume: slot % 10 === 4,
          behindAuth: slot % 3 === 0,
        }),
      );
    }
  }
  return objects.map((object) => ({
    object,
    from: {
      apiPath: `synthetic/${object.kind}/${object.metadata.namespace ?? ''}/${object.metadata.name ?? ''}`,
    },
  }));
}
