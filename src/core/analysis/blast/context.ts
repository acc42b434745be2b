import type { Placement } from '../../graph/backends/placement.ts';
import { volumePlacement } from '../../graph/backends/volume-placement.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { compare } from '../../order.ts';
import { type HostPathData, hostPathDataOf } from '../host-path-data.ts';
import type { Analysis } from '../model.ts';
import { claimsOf, volumeChain } from '../storage-chain.ts';
import { type Instance, instancesOf } from './instances.ts';

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
 * Makes `parts`, computed earlier by buildContext for the same graph and analysis and saved
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

export function blastContext(analysis: Analysis): BlastContext {
  const cached = contexts.get(analysis);
  if (cached) return cached;
  const context = buildContext(analysis);
  contexts.set(analysis, context);
  return context;
}

function buildContext(analysis: Analysis): BlastContext {
  const { index } = analysis;
  const ownerOf = new Map<string, string>();
  const shapes = new Map<string, WorkloadShape>();
  const claims = new Map<string, ClaimStorage>();
  for (const workload of analysis.workloads) {
    for (const id of [workload.id, ...workload.members]) ownerOf.set(id, workload.id);
    const workloadClaims = claimsOf(index, workload);
    for (const claim of workloadClaims) if (!claims.has(claim)) claims.set(claim, claimStorage(index, claim));
    // A bare Pod is its own workload and its own pod.
    const pods = [workload.id, ...workload.members]
      .filter((id) => index.node(id)?.kind === 'Pod' && index.node(id)?.group === '')
      .map((id) => ({ id, node: index.out(id, 'scheduled-on')[0]?.to ?? null }));
    shapes.set(workload.id, {
      id: workload.id,
      claims: workloadClaims,
      instances: instancesOf(index, workload, workloadClaims),
      pods,
      hostPaths: hostPathDataOf(index, workload),
    });
  }
  const dependents = dependentsOf(analysis);
  const osdsOf = new Map<string, number>();
  const deploymentOwners = new Map<string, string>();
  for (const node of index.graph.nodes) {
    if (typeof node.attrs.deployment !== 'string') continue;
    const owner = ownerOf.get(node.attrs.deployment);
    if (!owner) continue;
    deploymentOwners.set(node.attrs.deployment, owner);
    if (node.kind === 'OSD') osdsOf.set(owner, (osdsOf.get(owner) ?? 0) + 1);
  }
  return { analysis, index, ownerOf, shapes, claims, dependents, osdsOf, deploymentOwners };
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

function claimStorage(index: GraphIndex, claim: string): ClaimStorage {
  const chain = volumeChain(index, claim);
  return {
    claim,
    pv: chain.pv,
    storageClass: chain.storageClass,
    backend: chain.backend,
    placement: volumePlacement(index, chain),
    unknownPlacement: unknownPlacement(index, claim, chain.pv),
  };
}

function unknownPlacement(index: GraphIndex, claim: string, pv: string | null): string | null {
  const attrs = index.node(claim)?.attrs;
  if (pv || attrs?.classFrom !== 'unresolved') return null;
  return typeof attrs.unresolvedClass === 'string'
    ? `its storageClassName is ${attrs.unresolvedClass}, an unresolved variable`
    : 'its name is an unresolved variable';
}
