import type { Workload } from '../workloads.ts';
import type { BlastContext } from './context.ts';
import type { Effect } from './effect.ts';
import type { Losses } from './losses.ts';
import { decidedBeforePlacement, storageIsLost } from './volumes.ts';

/**
 * Which workloads and claims a target can reach, indexed once per blast context, so a query
 * weighs only those (decision 79). Every index holds what the exhaustive walk reads of a
 * workload: the claims of its instances (what storageEffect weighs), the nodes its pods are
 * scheduled on (podEffect), the nodes of its hostPath data and whether any of it has no node
 * (hostPathEffect). Claims are grouped by how volumeEffect places them.
 */
export interface ReachIndex {
  /** Workload id → its position in analysis.workloads: the exhaustive walk's order. */
  position: Map<string, number>;
  /** Claim (of some workload's instances) → the workloads whose instances mount it. */
  claimWorkloads: Map<string, string[]>;
  /** Claims whose placement is unknown (an unresolved class or name). */
  unknownClaims: string[];
  /** Pool → the claims placed in it. */
  poolClaims: Map<string, string[]>;
  /** Node → the claims with a copy (or a candidate copy) on it. */
  nodeClaims: Map<string, string[]>;
  /** Claims placed outside the cluster's failure domains that state assumptions. */
  outsideClaims: string[];
  /** Node → the workloads with a pod scheduled on it. */
  nodePods: Map<string, string[]>;
  /** Node → the workloads with hostPath data on it. */
  nodeHostPaths: Map<string, string[]>;
  /** Workloads with hostPath data on no known node (assumed on any lost node). */
  unplacedHostPaths: string[];
}

const indexes = new WeakMap<BlastContext, ReachIndex>();

function add(map: Map<string, string[]>, key: string, value: string): void {
  const list = map.get(key);
  if (!list) map.set(key, [value]);
  else if (list[list.length - 1] !== value) list.push(value);
}

/** The reach index of a blast context, made on its first query. */
export function reachIndex(context: BlastContext): ReachIndex {
  const cached = indexes.get(context);
  if (cached) return cached;
  const index: ReachIndex = {
    position: new Map(),
    claimWorkloads: new Map(),
    unknownClaims: [],
    poolClaims: new Map(),
    nodeClaims: new Map(),
    outsideClaims: [],
    nodePods: new Map(),
    nodeHostPaths: new Map(),
    unplacedHostPaths: [],
  };
  context.analysis.workloads.forEach((workload, i) => {
    if (!index.position.has(workload.id)) index.position.set(workload.id, i);
  });
  for (const shape of context.shapes.values()) {
    for (const instance of shape.instances)
      for (const claim of instance.claims) add(index.claimWorkloads, claim, shape.id);
    for (const pod of shape.pods) if (pod.node) add(index.nodePods, pod.node, shape.id);
    let unplaced = false;
    for (const data of shape.hostPaths) {
      if (data.node) add(index.nodeHostPaths, data.node, shape.id);
      else unplaced = true;
    }
    if (unplaced) index.unplacedHostPaths.push(shape.id);
  }
  for (const claim of index.claimWorkloads.keys()) {
    const storage = context.claims.get(claim);
    if (!storage) continue;
    if (storage.unknownPlacement) index.unknownClaims.push(claim);
    const { placement } = storage;
    if (placement.type === 'pools') for (const pool of placement.pools) add(index.poolClaims, pool, claim);
    else if (placement.type === 'nodes')
      for (const node of placement.nodes) add(index.nodeClaims, node, claim);
    else if (placement.assumptions.length > 0) index.outsideClaims.push(claim);
  }
  indexes.set(context, index);
  return index;
}

export interface ReachInputs {
  losses: Losses;
  /** Weighs a claim as the query does (cached): the only way this reads a volume's effect. */
  volumes: (claim: string) => Effect | null;
  pools: (pool: string) => Effect | null;
  /** Workload id → the lost OSDs it owns. */
  lostOsdsOf: ReadonlyMap<string, string[]>;
}

/**
 * The workloads whose direct effect the exhaustive walk could find non-null, in its order
 * (analysis.workloads), after weighing every claim and pool the exhaustive walk would weigh
 * with a visible result (an effect, or an assumption stated). What is left out has, by
 * construction, no direct effect and adds no assumption:
 * - a claim neither lost itself, nor of unknown placement while storage is lost, nor in a pool
 *   the target reaches, nor with a copy on a lost node, nor outside with lost infrastructure;
 * - a workload none of whose instance claims has an effect, with no pod and no hostPath data
 *   on a lost node and none unplaced, owning no lost OSD and not a target itself.
 */
export function reachedWorkloads(context: BlastContext, index: ReachIndex, inputs: ReachInputs): Workload[] {
  const { losses, volumes, pools } = inputs;
  const storageLost = storageIsLost(losses);
  const all = context.analysis.workloads;
  // Reached workloads are marked by position, then read in order: no set. A target that reaches
  // a few (a claim, a workload) sorts their positions rather than scanning every workload.
  const marks = new Uint8Array(all.length);
  const marked: number[] = [];
  const mark = (workload: string) => {
    const position = index.position.get(workload);
    if (position !== undefined && marks[position] === 0) {
      marks[position] = 1;
      marked.push(position);
    }
  };
  // A claim reached twice is weighed once (volumes remembers it) and marks the same workloads:
  // the claims are weighed in the order of their first mention, as a set of them would be.
  const weigh = (claim: string) => {
    if (volumes(claim) === null) return;
    for (const workload of index.claimWorkloads.get(claim) ?? []) mark(workload);
  };
  for (const workload of losses.workloads.keys()) mark(workload);
  for (const workload of inputs.lostOsdsOf.keys()) mark(workload);
  for (const claim of losses.claims.keys()) if (index.claimWorkloads.has(claim)) weigh(claim);
  if (storageLost) for (const claim of index.unknownClaims) weigh(claim);
  // Every pool the exhaustive walk asks, and only those (asking one may state assumptions):
  // a pool of a claim whose effect is not settled before its placement is read.
  for (const [pool, claims] of index.poolClaims) {
    if (!claims.some((claim) => !decidedBeforePlacement(context.claims.get(claim), losses))) continue;
    if (pools(pool) !== null) for (const claim of claims) weigh(claim);
  }
  for (const node of losses.nodes.keys()) for (const claim of index.nodeClaims.get(node) ?? []) weigh(claim);
  if (losses.nodes.size + losses.osds.size + losses.disks.size + losses.pools.size > 0)
    for (const claim of index.outsideClaims) weigh(claim);
  if (losses.nodes.size > 0) {
    for (const node of losses.nodes.keys()) {
      for (const workload of index.nodePods.get(node) ?? []) mark(workload);
      for (const workload of index.nodeHostPaths.get(node) ?? []) mark(workload);
    }
    for (const workload of index.unplacedHostPaths) mark(workload);
  }
  if (marked.length * 16 < all.length)
    return marked.sort((a, b) => a - b).map((position) => all[position] as Workload);
  const reached: Workload[] = [];
  for (let i = 0; i < marks.length; i++) if (marks[i] === 1) reached.push(all[i] as Workload);
  return reached;
}
