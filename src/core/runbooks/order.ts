import type { BlastResult } from '../analysis/blast/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { workloadTitle } from '../analysis/tiers/facts.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import { compare } from '../graph/context.ts';
import { appsNeeding } from './dependents.ts';
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
  // Each step takes the first by rank of those whose needs are all back: a heap of the ready,
  // a count of needs not yet back, and the rank order for breaking a cycle.
  const waiting = new Map(ids.map((id) => [id, needs.get(id)?.length ?? 0]));
  const neededBy = new Map<string, string[]>();
  for (const [id, list] of needs) {
    for (const d of list) {
      const dependents = neededBy.get(d);
      if (dependents) dependents.push(id);
      else neededBy.set(d, [id]);
    }
  }
  const ready = new Heap(rank);
  for (const id of ids) if (waiting.get(id) === 0) ready.push(id);
  const ranked = [...ids].sort(rank);
  let nextRanked = 0;
  const done = new Set<string>();
  const out: OrderEntry[] = [];
  while (done.size < ids.length) {
    let id = ready.pop();
    while (id !== undefined && done.has(id)) id = ready.pop();
    const cycle = id === undefined;
    if (id === undefined) {
      while (done.has(ranked[nextRanked] as string)) nextRanked++;
      id = ranked[nextRanked] as string;
    }
    done.add(id);
    for (const dependent of neededBy.get(id) ?? []) {
      const left = (waiting.get(dependent) ?? 0) - 1;
      waiting.set(dependent, left);
      if (left === 0 && !done.has(dependent)) ready.push(dependent);
    }
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

/** A binary min-heap of ids in `rank` order. */
class Heap {
  readonly #items: string[] = [];
  readonly #rank: (a: string, b: string) => number;
  constructor(rank: (a: string, b: string) => number) {
    this.#rank = rank;
  }
  push(id: string): void {
    const items = this.#items;
    items.push(id);
    let i = items.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.#rank(items[parent] as string, id) <= 0) break;
      items[i] = items[parent] as string;
      i = parent;
    }
    items[i] = id;
  }
  pop(): string | undefined {
    const items = this.#items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) return top;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= items.length) break;
      const right = left + 1;
      const child =
        right < items.length && this.#rank(items[right] as string, items[left] as string) < 0 ? right : left;
      if (this.#rank(last, items[child] as string) <= 0) break;
      items[i] = items[child] as string;
      i = child;
    }
    items[i] = last;
    return top;
  }
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
  for (const app of appsNeeding(analysis, workload))
    if (!reasons.has(app))
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
