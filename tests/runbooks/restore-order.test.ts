/**
 * The restore order (src/core/runbooks/order.ts) against its definition, on dependency graphs
 * fast-check draws, cycles included: at each step the first, by tier then id, of the workloads
 * whose needs are all back, or, when none is (a cycle), the first of those left.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import type { Dependency } from '../../src/core/analysis/dependencies.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { workloadTitle } from '../../src/core/analysis/tiers/facts.ts';
import type { Tier } from '../../src/core/analysis/tiers/model.ts';
import { compare } from '../../src/core/graph/context.ts';
import { restoreOrder } from '../../src/core/runbooks/order.ts';

/** The definition, step by step: every step re-reads which workloads are ready. */
function definition(analysis: Analysis, reasons: ReadonlyMap<string, string>): string[] {
  const ids = [...reasons.keys()];
  const tier = (id: string): Tier => analysis.tiers.get(id)?.tier ?? 0;
  const needs = (id: string) =>
    (analysis.dependencies.get(id) ?? []).map((d) => d.workload).filter((d) => reasons.has(d) && d !== id);
  const rank = (a: string, b: string) => tier(a) - tier(b) || compare(a, b);
  const done = new Set<string>();
  const order: string[] = [];
  while (done.size < ids.length) {
    const left = ids.filter((id) => !done.has(id));
    const ready = left.filter((id) => needs(id).every((d) => done.has(d))).sort(rank);
    const id = (ready.length > 0 ? ready : left.sort(rank))[0] as string;
    done.add(id);
    order.push(workloadTitle(id));
  }
  return order;
}

const ID = fc.integer({ min: 0, max: 11 }).map((n) => `apps/Deployment/ns/app-${n}`);
const VIA = fc.constantFrom<Dependency['via']>('service', 'config', 'sign-in', 'forward-auth', 'nfs');

test('the restore order is the definition, cycles and ties included', () => {
  fc.assert(
    fc.property(
      fc.uniqueArray(ID, { minLength: 1, maxLength: 10 }),
      fc.array(fc.tuple(ID, ID, VIA), { maxLength: 30 }),
      fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 12, maxLength: 12 }),
      (restored, edges, tiers) => {
        const dependencies = new Map<string, Dependency[]>();
        for (const [from, to, via] of edges)
          dependencies.set(from, [...(dependencies.get(from) ?? []), { workload: to, via, why: [] }]);
        const tierOf = new Map(
          tiers.map((tier, n) => [`apps/Deployment/ns/app-${n}`, { tier: tier as Tier }] as const),
        );
        // Only what restoreOrder reads of an analysis: the tiers and the dependencies.
        const analysis = { tiers: tierOf, dependencies } as unknown as Analysis;
        const reasons = new Map(restored.map((id) => [id, 'restored'] as const));
        const order = restoreOrder(analysis, reasons);
        assert.deepEqual(
          order.map((o) => o.workload),
          definition(analysis, reasons),
        );
      },
    ),
    { numRuns: 2000 },
  );
});
