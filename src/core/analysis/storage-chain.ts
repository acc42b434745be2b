import type { GraphIndex } from '../graph/graph-index.ts';
import { compare } from '../order.ts';
import type { Workload } from './workloads.ts';

/** One volume of a workload, followed down to where its bytes live. Ids are graph node ids. */
export interface VolumeChain {
  claim: string;
  /** The claim was referenced (a volume, a claim template) but not read. */
  claimMissing: boolean;
  pv: string | null;
  storageClass: string | null;
  /** spec | annotation | default | none: how the class was chosen. */
  classFrom: string | null;
  backend: string | null;
  capacity: string | null;
  reclaimPolicy: string | null;
  pools: string[];
  cephClusters: string[];
  osds: string[];
  nodes: string[];
  disks: string[];
  zones: string[];
  /** NFS servers outside the cluster, or in-cluster Services serving the export. */
  servedBy: string[];
}

/** Node-local data a workload keeps outside any claim: hostPath volumes of scheduled pods. */
export interface InlineStorage {
  pod: string;
  node: string;
  why: string;
}

export function claimsOf(index: GraphIndex, workload: Workload): string[] {
  const claims = new Set<string>();
  for (const id of [workload.id, ...workload.members]) {
    const node = index.node(id);
    if (node?.kind === 'PersistentVolumeClaim' && node.group === '') claims.add(id);
    for (const edge of index.out(id, 'mounts')) {
      const target = index.node(edge.to);
      if (target?.kind === 'PersistentVolumeClaim' && target.group === '') claims.add(edge.to);
    }
  }
  return [...claims].sort(compare);
}

export function inlineStorageOf(index: GraphIndex, workload: Workload): InlineStorage[] {
  const found: InlineStorage[] = [];
  for (const id of [workload.id, ...workload.members]) {
    for (const edge of index.out(id, 'mounts')) {
      if (index.node(edge.to)?.kind === 'Node') found.push({ pod: id, node: edge.to, why: edge.why });
    }
  }
  return found;
}

const chains = new WeakMap<GraphIndex, Map<string, VolumeChain>>();

/**
 * The claim's chain, made once per graph: the checks, the page entries and the blast context
 * each ask for every claim's (read it, never change it: it is shared).
 */
export function volumeChain(index: GraphIndex, claim: string): VolumeChain {
  let known = chains.get(index);
  if (!known) {
    known = new Map();
    chains.set(index, known);
  }
  let chain = known.get(claim);
  if (!chain) {
    chain = chainOf(index, claim);
    known.set(claim, chain);
  }
  return chain;
}

function chainOf(index: GraphIndex, claim: string): VolumeChain {
  const node = index.node(claim);
  const pv = index.out(claim, 'bound-to')[0]?.to ?? null;
  const storageClass =
    (index.out(claim, 'uses-class')[0] ?? (pv ? index.out(pv, 'uses-class')[0] : undefined))?.to ?? null;
  const pvNode = pv ? index.node(pv) : undefined;
  const classNode = storageClass ? index.node(storageClass) : undefined;
  // What the PV says wins; a PV not read (or not yet bound) falls back to its class.
  const fromPvOrClass = (type: 'stored-in' | 'served-by') => {
    const own = pv ? targets(index, pv, type) : [];
    return own.length > 0 || !storageClass ? own : targets(index, storageClass, type);
  };
  const pools = fromPvOrClass('stored-in');
  const osds = unique(pools.flatMap((p) => targets(index, p, 'placed-on')));
  const nodes = unique([
    ...osds.flatMap((o) => targets(index, o, 'runs-on')),
    ...(pv
      ? targets(index, pv, 'pinned-to', 'replica-on').filter((id) => index.node(id)?.kind === 'Node')
      : []),
  ]);
  return {
    claim,
    claimMissing: Boolean(node?.missing),
    pv,
    storageClass,
    classFrom: str(node?.attrs.classFrom),
    backend: str(pvNode?.attrs.backend) ?? str(classNode?.attrs.backend),
    capacity: str(pvNode?.attrs.capacity) ?? str(node?.attrs.capacity) ?? str(node?.attrs.requested),
    reclaimPolicy: str(pvNode?.attrs.reclaimPolicy) ?? str(classNode?.attrs.reclaimPolicy),
    pools,
    cephClusters: unique(pools.flatMap((p) => targets(index, p, 'part-of'))),
    osds,
    nodes,
    disks: unique(osds.flatMap((o) => targets(index, o, 'on-device'))),
    zones: pv ? targets(index, pv, 'pinned-to').filter((id) => index.node(id)?.kind === 'Zone') : [],
    servedBy: fromPvOrClass('served-by'),
  };
}

function targets(index: GraphIndex, id: string, ...types: Parameters<GraphIndex['out']>[1][]): string[] {
  return unique(index.out(id, ...types).map((e) => e.to));
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)].sort(compare);
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}
