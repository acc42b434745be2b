import type { Placement } from '../../graph/backends/placement.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { compare } from '../../order.ts';
import type { HostPathData } from '../host-path-data.ts';
import type { Analysis } from '../model.ts';
import type { Instance } from './instances.ts';

/** A volume's storage facts, resolved once per analysis (the chain below its PVC). */
export interface ClaimStorage {
  claim: string;
  pv: string | null;
  storageClass: string | null;
  backend: string | null;
  /** Where its copies may sit, as its backend says (worst case and assumptions when unseen). */
  placement: Placement;
  /**
   * Why where the claim's data lives is unknown (its class or name is an unresolved Flux
   * variable, and no PV says more); null when it is known.
   */
  unknownPlacement: string | null;
}

export interface WorkloadShape {
  id: string;
  claims: string[];
  instances: Instance[];
  /** Its pods and the node each is scheduled on (null when not scheduled). */
  pods: { id: string; node: string | null }[];
  /** Data in hostPath volumes, on the node of the pod that mounts it (host-path-data.ts). */
  hostPaths: HostPathData[];
}

export interface Dependent {
  workload: string;
  via: string;
  why: string[];
}

/**
 * Everything a blast query reads that does not depend on the target, computed once per
 * Analysis: many queries (every failure domain) then cost one linear pass each.
 */
export interface BlastContext {
  analysis: Analysis;
  index: GraphIndex;
  /** Member (pod, PVC, ReplicaSet, OSD Deployment…) → the workload it belongs to. */
  ownerOf: Map<string, string>;
  shapes: Map<string, WorkloadShape>;
  claims: Map<string, ClaimStorage>;
  /** Workload id → the workloads that need it to serve. */
  dependents: Map<string, Dependent[]>;
  /** Workload id → how many OSDs it runs (a CephCluster owns the OSD Deployments). */
  osdsOf: Map<string, number>;
  /**
   * A node's `deployment` (an OSD's Deployment) → the workload that owns it: `ownerOf` for
   * just those, so a lost OSD's owner is found without deriving every member's owner.
   */
  deploymentOwners: Map<string, string>;
}

const contexts = new WeakMap<Analysis, BlastContext>();

/**
 * What a saved guard context keeps of a BlastContext (ownerOf and dependents are cheap to
 * derive again from the analysis, by the same code as here).
 */
export type BlastParts = Pick<BlastContext, 'shapes' | 'claims' | 'osdsOf' | 'deploymentOwners'>;

/**
 * Makes `parts`, computed earlier by prepareBlast (prepare.ts) for the same graph and analysis and saved
 * (guard/saved-context.ts), the blast context of `analysis`, so no query prepares it again.
 */
export function adoptBlastContext(analysis: Analysis, parts: BlastParts): void {
  // Derived on first read, once: a decision where no workload stops never walks dependents,
  // and one that loses no OSD and follows no backup Service never asks an owner.
  let ownerOf: Map<string, string> | undefined;
  let dependents: Map<string, Dependent[]> | undefined;
  contexts.set(analysis, {
    analysis,
    index: analysis.index,
    get ownerOf() {
      ownerOf ??= ownersOf(analysis);
      return ownerOf;
    },
    get dependents() {
      dependents ??= dependentsOf(analysis);
      return dependents;
    },
    ...parts,
  });
}

function ownersOf(analysis: Analysis): Map<string, string> {
  const ownerOf = new Map<string, string>();
  for (const workload of analysis.workloads)
    for (const id of [workload.id, ...workload.members]) ownerOf.set(id, workload.id);
  return ownerOf;
}

/**
 * The preparation `analyze()` deferred, by the analysis's graph index: a copy of an analysis
 * with other protections or tiers (`{ ...analysis, protections }`) shares the index and is
 * prepared as before, from its own workloads.
 */
const deferred = new WeakMap<GraphIndex, (analysis: Analysis) => BlastParts>();

/**
 * Hands `analysis` the preparation of its blast context, run once on its first query. Apart
 * from this file so an analysis read from a saved context (adoptBlastContext) never loads what
 * preparing one reads: every storage backend's placement (prepare.ts).
 */
export function deferBlastContext(analysis: Analysis, prepare: (analysis: Analysis) => BlastParts): void {
  deferred.set(analysis.index, prepare);
}

export function blastContext(analysis: Analysis): BlastContext {
  const cached = contexts.get(analysis);
  if (cached) return cached;
  const prepare = deferred.get(analysis.index);
  if (!prepare)
    throw new Error(
      'an analysis made neither by analyze() nor from a saved context has no blast context: a bug',
    );
  adoptBlastContext(analysis, prepare(analysis));
  return contexts.get(analysis) as BlastContext;
}

/** Workload id → the workloads that need it, each dependent's needs in id order. */
function dependentsOf(analysis: Analysis): Map<string, Dependent[]> {
  const dependents = new Map<string, Dependent[]>();
  for (const [dependent, needs] of [...analysis.dependencies].sort(([a], [b]) => compare(a, b))) {
    for (const dep of needs) {
      const list = dependents.get(dep.workload) ?? [];
      list.push({ workload: dependent, via: dep.via, why: dep.why });
      dependents.set(dep.workload, list);
    }
  }
  return dependents;
}
