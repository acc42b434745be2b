import type { Analysis } from './model.ts';
import { claimsOf } from './storage-chain.ts';

const cache = new WeakMap<Analysis, ReadonlyMap<string, readonly string[]>>();

/**
 * Claim id → the workloads that mount it, in the analysis's workload order. Built once per
 * analysis: asking each workload for its claims per question made runbook binding quadratic
 * (every local volume of every node scanned every workload).
 */
export function workloadsUsingClaim(analysis: Analysis, claim: string): readonly string[] {
  let users = cache.get(analysis);
  if (!users) {
    const built = new Map<string, string[]>();
    for (const w of analysis.workloads) {
      for (const c of claimsOf(analysis.index, w)) {
        const list = built.get(c);
        if (list) list.push(w.id);
        else built.set(c, [w.id]);
      }
    }
    users = built;
    cache.set(analysis, users);
  }
  return users.get(claim) ?? [];
}
