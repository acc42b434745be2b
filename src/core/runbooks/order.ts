import type { BlastResult } from '../analysis/blast/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { workloadTitle } from '../analysis/tiers/facts.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import { compare } from '../graph/context.ts';
import type { OrderEntry } from './vocabulary-model.ts';

/**
 * The order to bring workloads back in: what a workload needs to serve comes before it
 * (analysis.dependencies), ties broken by tier (0 first), then by name. A dependency cycle is
 * broken at its strictest-tier member, and said so.
 */
export function restoreOrder(analysis: Analysis, reasons: ReadonlyMap<string, string>): OrderEntry[] {
  const ids = [...reasons.keys()];
  const inSet = new Set(ids);
  const tier = (id: string): Tier => analysis.tiers.get(id)?.tier ?? 0;
  const needs = new Map(
    ids.map((id) => [
      id,
      [...new Set((analysis.dependencies.get(id) ?? []).map((d) => d.workload))].filter(
        (d) => inSet.has(d) && d !== id,
      ),
    ]),
  );
  const rank = (a: string, b: string) => tier(a) - tier(b) || compare(a, b);
  const done = new Set<string>();
  const out: OrderEntry[] = [];
  while (done.size < ids.length) {
    const ready = ids
      .filter((id) => !done.has(id) && (needs.get(id) ?? []).every((d) => done.has(d)))
      .sort(rank);
    const cycle = ready.length === 0;
    const next = cycle ? ids.filter((id) => !done.has(id)).sort(rank) : ready;
    const id = next[0] as string;
    done.add(id);
    // What it needs first, unless its reason already says so ("needs Cluster db/pg: …").
    const before = (needs.get(id) ?? [])
      .map(workloadTitle)
      .filter((t) => !(reasons.get(id) ?? '').includes(t));
    const why = [
      reasons.get(id) ?? '',
      before.length > 0 ? `after ${before.join(', ')}, which it needs` : '',
      cycle ? 'in a dependency cycle: brought back first of its cycle' : '',
    ].filter((w) => w !== '');
    out.push({ workload: workloadTitle(id), tier: tier(id), why: why.join('; ') });
  }
  return out;
}

/** The workload, what it needs (transitively) and what needs it, each with why it is there. */
export function workloadRestoreSet(analysis: Analysis, workload: string): Map<string, string> {
  const reasons = new Map<string, string>([[workload, 'the workload restored']]);
  const stack = [workload];
  while (stack.length > 0) {
    const id = stack.pop() as string;
    for (const d of analysis.dependencies.get(id) ?? []) {
      if (reasons.has(d.workload)) continue;
      reasons.set(d.workload, `needed by ${workloadTitle(id)} (${d.via}): running before it`);
      stack.push(d.workload);
    }
  }
  for (const [app, deps] of analysis.dependencies)
    if (!reasons.has(app) && deps.some((d) => d.workload === workload))
      reasons.set(app, `needs ${workloadTitle(workload)}: restart and check it once that is back`);
  return reasons;
}

/** Workloads that lose data in a blast radius. */
export function blastRestoreSet(blast: BlastResult): Map<string, string> {
  return new Map(
    blast.impacts
      .filter((i) => i.impact === 'data-loss')
      .map((i) => [i.id, 'loses data: restore from its backup']),
  );
}

/** Every workload a backup protects. */
export function clusterRestoreSet(analysis: Analysis): Map<string, string> {
  return new Map(
    [...analysis.protections.entries()].map(([id, ps]) => [
      id,
      `protected by ${[...new Set(ps.map((p) => p.system))].join(', ')}`,
    ]),
  );
}
