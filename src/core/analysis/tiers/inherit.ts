import { compare } from '../../graph/context.ts';
import type { Dependency } from '../dependencies.ts';
import { workloadTitle } from './facts.ts';
import { TIERS, type Tier } from './model.ts';

export interface Raised {
  tier: Tier;
  /** The dependent whose own tier this is, then each workload down to the raised one. */
  path: string[];
  reason: string;
}

/**
 * A workload inherits the strictest tier of what depends on it, transitively: if A needs B to
 * serve, B is at least as critical as A. Tiers flow from each workload's final tier, strictest
 * first, breadth-first, so every raise comes from the strictest dependent over the fewest hops
 * (ties: smallest ids); each workload is raised at most once per tier, so cycles end. `fixed`
 * workloads (explicit overrides) are never raised, but pass their tier on.
 */
export function inheritTiers(
  own: ReadonlyMap<string, { tier: Tier; fixed: boolean }>,
  dependencies: ReadonlyMap<string, readonly Dependency[]>,
): Map<string, Raised> {
  const current = new Map<string, Tier>([...own].map(([id, d]) => [id, d.tier]));
  const paths = new Map<string, string[]>();
  const raised = new Map<string, Raised>();
  for (const tier of TIERS) {
    const queue = [...own.keys()].filter((id) => current.get(id) === tier).sort(compare);
    for (let i = 0; i < queue.length; i++) {
      const from = queue[i] as string;
      const path = paths.get(from) ?? [from];
      const deps = [...(dependencies.get(from) ?? [])].sort((a, b) => compare(a.workload, b.workload));
      for (const dep of deps) {
        const target = own.get(dep.workload);
        if (!target || target.fixed || (current.get(dep.workload) ?? 4) <= tier) continue;
        const next = [...path, dep.workload];
        current.set(dep.workload, tier);
        paths.set(dep.workload, next);
        raised.set(dep.workload, { tier, path: next, reason: inheritedReason(next, tier, dependencies) });
        queue.push(dep.workload);
      }
    }
  }
  return raised;
}

function inheritedReason(
  path: readonly string[],
  tier: Tier,
  deps: ReadonlyMap<string, readonly Dependency[]>,
) {
  const origin = path[0] as string;
  const hop = (i: number) => deps.get(path[i] as string)?.find((d) => d.workload === path[i + 1]);
  if (path.length === 2) {
    const dep = hop(0);
    const why = dep ? ` via ${dep.via} (${dep.why.join('; ')})` : '';
    return `inherited from ${workloadTitle(origin)} (tier ${tier}), which depends on it${why}`;
  }
  const through = path.slice(1, -1).map(workloadTitle).join(', then ');
  const hops = path
    .slice(0, -1)
    .map(
      (id, i) =>
        `${i === 0 ? workloadTitle(id) : qualified(id)} needs ${qualified(path[i + 1] as string)} via ${hop(i)?.via ?? 'a dependency'}`,
    );
  return `inherited from ${workloadTitle(origin)} (tier ${tier}) through ${through}: ${hops.join(', ')}`;
}

function qualified(id: string): string {
  return workloadTitle(id).slice(workloadTitle(id).indexOf(' ') + 1);
}
