import { compare } from '../../graph/context.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import type { Analysis } from '../model.ts';
import { type VolumeChain, volumeChain } from '../storage-chain.ts';
import { rootOf } from '../workloads.ts';
import { onOneNode } from './placement-of.ts';
import { storageFacts } from './storage-users.ts';

/** Where an in-cluster backup copy physically lives, as far as the graph shows. */
export interface StoragePlaces {
  pools: string[];
  osds: string[];
  cephClusters: string[];
  /** Nodes holding volumes whose only copy is on one node (placement-of.ts onOneNode). */
  nodes: string[];
  /** "Service minio/minio → StatefulSet minio/minio, PVC minio/data-minio-0". */
  via: string;
}

const EMPTY: StoragePlaces = { pools: [], osds: [], cephClusters: [], nodes: [], via: '' };

/**
 * Follows a backup destination down to storage: a Service to the workloads it selects and their
 * volumes; a PVC to its chain; a pool, class or node as itself.
 */
export function storageOfDestination(analysis: Analysis, node: string): StoragePlaces {
  const { index } = analysis;
  const target = index.node(node);
  if (!target) return EMPTY;
  if (target.kind === 'Service') {
    const workloads = [...new Set(index.out(node, 'selects').map((e) => rootOf(index, e.to)))].sort(compare);
    const chains = workloads.flatMap((w) => storageFacts(analysis).chainsOf(w));
    const places = fromChains(index, chains);
    const claims = chains.map((c) => qualifiedName(c.claim)).join(', ');
    return {
      ...places,
      via: `Service ${qualifiedName(node)} → ${workloads.map(qualifiedName).join(', ')}${claims ? `, PVC ${claims}` : ''}`,
    };
  }
  if (target.kind === 'PersistentVolumeClaim') {
    return { ...fromChains(index, [volumeChain(index, node)]), via: `PVC ${qualifiedName(node)}` };
  }
  if (target.kind === 'CephBlockPool' || target.kind === 'CephFilesystemPool') {
    const osds = index.out(node, 'placed-on').map((e) => e.to);
    const clusters = index.out(node, 'part-of').map((e) => e.to);
    return {
      pools: [node],
      osds: sorted(osds),
      cephClusters: sorted(clusters),
      nodes: [],
      via: `pool ${qualifiedName(node)}`,
    };
  }
  if (target.kind === 'Node') return { ...EMPTY, nodes: [node], via: `node ${target.name}` };
  return EMPTY;
}

function fromChains(index: GraphIndex, chains: VolumeChain[]): Omit<StoragePlaces, 'via'> {
  return {
    pools: sorted(chains.flatMap((c) => c.pools)),
    osds: sorted(chains.flatMap((c) => c.osds)),
    cephClusters: sorted(chains.flatMap((c) => c.cephClusters)),
    nodes: sorted(chains.filter((c) => onOneNode(index, c)).flatMap((c) => c.nodes)),
  };
}

function sorted(ids: string[]): string[] {
  return [...new Set(ids)].sort(compare);
}

/** What the data and its copy share, most specific first: the same pool, OSDs, Ceph cluster, node. */
export function sharedStorage(
  data: Omit<StoragePlaces, 'via'>,
  copy: Omit<StoragePlaces, 'via'>,
): string | null {
  const both = (a: string[], b: string[]) => a.filter((x) => b.includes(x));
  const pools = both(data.pools, copy.pools);
  if (pools.length > 0) return `the same Ceph pool ${pools.map(qualifiedName).join(', ')}`;
  const osds = both(data.osds, copy.osds);
  if (osds.length > 0) return `the same OSDs (${osds.map((o) => `osd.${o.split('/').pop()}`).join(', ')})`;
  const clusters = both(data.cephClusters, copy.cephClusters);
  if (clusters.length > 0) return `the same Ceph cluster ${clusters.map(qualifiedName).join(', ')}`;
  const nodes = both(data.nodes, copy.nodes);
  if (nodes.length > 0) return `the same node ${nodes.map(qualifiedName).join(', ')}`;
  return null;
}

/** The storage a workload's own volumes use. */
export function storageOfWorkload(analysis: Analysis, workload: string): Omit<StoragePlaces, 'via'> {
  return fromChains(analysis.index, [...storageFacts(analysis).chainsOf(workload)]);
}
