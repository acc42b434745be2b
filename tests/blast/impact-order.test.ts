/**
 * A blast answer lists its impacts worst first, then by the strictest tier, then by namespace,
 * kind and name in code-unit order (blast-radius.ts sorts on the names' rank among the
 * analysis's workloads): every answer of every known target of every blast fixture, and of the
 * 3,000-pod synthetic cluster's failure domains, is in that order.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { blastRadius, knownTargets } from '../../src/core/analysis/blast/index.ts';
import type { WorkloadImpact } from '../../src/core/analysis/blast/model.ts';
import { FAILURE_DOMAIN_TYPES } from '../../src/core/analysis/blast/targets.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { analyseCluster, loadCluster } from '../../src/core/index.ts';
import { compare } from '../../src/core/order.ts';
import { blastFixtureNames, loadBlastFixture } from '../support/blast-fixtures.ts';

const IMPACTS = ['data-loss', 'unavailable', 'degraded'];

function inOrder(a: WorkloadImpact, b: WorkloadImpact): boolean {
  const order =
    IMPACTS.indexOf(a.impact) - IMPACTS.indexOf(b.impact) ||
    a.tier - b.tier ||
    compare(a.workload.namespace, b.workload.namespace) ||
    compare(a.workload.kind, b.workload.kind) ||
    compare(a.workload.name, b.workload.name);
  return order <= 0;
}

function assertSorted(analysis: Analysis, targets: readonly string[]): number {
  let checked = 0;
  for (const target of targets) {
    for (const outage of [false, true]) {
      const { impacts } = blastRadius(analysis, target, { outage });
      for (let i = 1; i < impacts.length; i++) {
        assert.ok(
          inOrder(impacts[i - 1] as WorkloadImpact, impacts[i] as WorkloadImpact),
          `${target}: ${impacts[i - 1]?.id} before ${impacts[i]?.id}`,
        );
        checked++;
      }
    }
  }
  return checked;
}

test('every blast fixture answer lists its impacts in order', async () => {
  let checked = 0;
  for (const name of blastFixtureNames()) {
    const { analysis } = await loadBlastFixture(name);
    checked += assertSorted(
      analysis,
      knownTargets(analysis).map((t) => t.text),
    );
  }
  assert.ok(checked > 100, `only ${checked} pairs compared`);
});

test("the synthetic cluster's failure domains list their impacts in order", async () => {
  const items = syntheticCluster({ workloads: 300, podsPerWorkload: 2 });
  const { graph } = await loadCluster({ items, unreadable: [], skipped: [] });
  const analysis = await analyseCluster(graph, { now: '2026-11-24T06:00:00Z' });
  const checked = assertSorted(
    analysis,
    knownTargets(analysis, FAILURE_DOMAIN_TYPES).map((t) => t.text),
  );
  assert.ok(checked > 1000, `only ${checked} pairs compared`);
});
