import type { GraphIndex } from '../../graph/graph-index.ts';
import type { GraphEdge } from '../../graph/model.ts';
import { compare } from '../../order.ts';
import { claimsOf } from '../storage-chain.ts';
import type { Workload } from '../workloads.ts';

/** One workload a `protects` edge reaches, with the claims it copies there. */
export interface CoveredWorkload {
  workload: string;
  /** PVC ids; empty for a logical backup of the whole workload (an operator's own backup). */
  covers: string[];
  why: string;
}

/** Lookups built once per analysis: who owns what, who mounts which claim, who lives where. */
export class WorkloadLookup {
  readonly #index: GraphIndex;
  readonly #owner = new Map<string, string>();
  readonly #claims = new Map<string, string[]>();
  readonly #byClaim = new Map<string, string[]>();
  readonly #byNamespace = new Map<string, string[]>();

  constructor(index: GraphIndex, workloads: readonly Workload[]) {
    this.#index = index;
    for (const workload of workloads) {
      this.#owner.set(workload.id, workload.id);
      for (const member of workload.members)
        if (!this.#owner.has(member)) this.#owner.set(member, workload.id);
      const claims = claimsOf(index, workload);
      this.#claims.set(workload.id, claims);
      for (const claim of claims)
        this.#byClaim.set(claim, [...(this.#byClaim.get(claim) ?? []), workload.id]);
      if (claims.length > 0) {
        const ns = workload.node.namespace;
        this.#byNamespace.set(ns, [...(this.#byNamespace.get(ns) ?? []), workload.id]);
      }
    }
  }

  claimsOf(workload: string): string[] {
    return this.#claims.get(workload) ?? [];
  }

  /**
   * A namespace: every workload in it that keeps data in claims. A claim: the workloads that
   * mount it. A pod, template or operator resource: its workload, with the claims under it
   * (none for an operator's own logical backup, all of them for its volume snapshots).
   */
  covered(edge: GraphEdge, wholeWorkloadClaims: boolean): CoveredWorkload[] {
    const target = this.#index.node(edge.to);
    if (!target) return [];
    if (target.group === '' && target.kind === 'Namespace')
      return (this.#byNamespace.get(target.name) ?? []).map((workload) => ({
        workload,
        covers: this.claimsOf(workload),
        why: edge.why,
      }));
    if (target.group === '' && target.kind === 'PersistentVolumeClaim')
      return (this.#byClaim.get(edge.to) ?? []).map((workload) => ({
        workload,
        covers: [edge.to],
        why: edge.why,
      }));
    const workload = this.#owner.get(edge.to);
    if (!workload) return [];
    if (workload === edge.to)
      return [{ workload, covers: wholeWorkloadClaims ? this.claimsOf(workload) : [], why: edge.why }];
    return [{ workload, covers: this.#claimsUnder(edge.to), why: edge.why }];
  }

  /** Claims mounted by an object or anything it owns (a selected pod or pod template). */
  #claimsUnder(id: string): string[] {
    const claims = new Set<string>();
    const stack = [id];
    const seen = new Set<string>();
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      for (const edge of this.#index.out(current, 'mounts'))
        if (this.#index.node(edge.to)?.kind === 'PersistentVolumeClaim') claims.add(edge.to);
      for (const edge of this.#index.out(current, 'owns')) stack.push(edge.to);
    }
    return [...claims].sort(compare);
  }
}
