/**
 * The reach index (src/core/analysis/blast/reach.ts) lets a blast query weigh only the
 * workloads its target can reach. It must never miss one: on generated clusters and on every
 * target of every blast fixture (the sample among them), the query's whole BlastResult (impacts,
 * their order, the assumptions) deep-equals the exhaustive walk's, which weighs every workload.
 * The last test breaks the index and shows this comparison then fails.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blastContext } from '../../src/core/analysis/blast/context.ts';
import { blastRadius, knownTargets } from '../../src/core/analysis/blast/index.ts';
import { reachIndex } from '../../src/core/analysis/blast/reach.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { blastFixtureNames, loadBlastFixture } from '../support/blast-fixtures.ts';
import { allTargets, analysisOf, clusterArb, objectsOf, RUNS } from './generate.ts';

type Query = string | string[];

/** The queries whose fast answer differs from the exhaustive one (none, when the index is sound). */
function differences(analysis: Analysis, queries: readonly Query[]): string[] {
  const found: string[] = [];
  for (const target of queries) {
    for (const outage of [false, true]) {
      const fast = blastRadius(analysis, target, { outage });
      const exhaustive = blastRadius(analysis, target, { outage, exhaustive: true });
      try {
        assert.deepStrictEqual(fast, exhaustive);
      } catch {
        found.push(`${[target].flat().join(' + ')}${outage ? ' (outage)' : ''}`);
      }
    }
  }
  return found;
}

/** Every target the inventory knows, each alone, and a few pairs of them together. */
function everyTarget(analysis: Analysis): Query[] {
  const texts = knownTargets(analysis).map((t) => t.text);
  const pairs = texts.slice(1).map((t, i) => [texts[i] as string, t]);
  return [...texts, ...pairs.filter((_, i) => i % 7 === 0)];
}

test('on generated clusters the reached workloads answer as every workload does', () => {
  fc.assert(
    fc.property(
      clusterArb.chain((model) =>
        fc.record({
          model: fc.constant(model),
          sets: fc.array(fc.shuffledSubarray(allTargets(model), { minLength: 1, maxLength: 3 }), {
            maxLength: 3,
          }),
        }),
      ),
      ({ model, sets }) => {
        const analysis = analysisOf(objectsOf(model));
        assert.deepEqual(differences(analysis, [...allTargets(model), ...sets]), []);
      },
    ),
    { numRuns: RUNS ?? 40 },
  );
});

for (const name of blastFixtureNames()) {
  test(`blast fixture ${name}: every target answers as the exhaustive walk`, async () => {
    const { analysis, queries } = await loadBlastFixture(name);
    assert.deepEqual(differences(analysis, [...everyTarget(analysis), ...queries.map((q) => q.target)]), []);
  });
}

/**
 * Each part of the index, one entry dropped at a time (the first few of each part, in every
 * fixture): some target then answers differently from the exhaustive walk. `nodeHostPaths` is
 * left out: a hostPath's node is the node of the pod that mounts it, so `nodePods` reaches the
 * same workloads in every fixture; it is indexed anyway, so the reach does not rest on that.
 */
test('the comparison fails when the index misses an entry (it can fail)', async () => {
  const caught = new Set<string>();
  for (const name of blastFixtureNames()) {
    const { analysis } = await loadBlastFixture(name);
    const targets = knownTargets(analysis).map((t) => t.text);
    const index = reachIndex(blastContext(analysis));
    const parts: [string, Map<string, string[]> | string[]][] = [
      ['claimWorkloads', index.claimWorkloads],
      ['unknownClaims', index.unknownClaims],
      ['poolClaims', index.poolClaims],
      ['nodeClaims', index.nodeClaims],
      ['outsideClaims', index.outsideClaims],
      ['nodePods', index.nodePods],
      ['unplacedHostPaths', index.unplacedHostPaths],
    ];
    for (const [field, part] of parts) {
      if (caught.has(field)) continue;
      const keys = part instanceof Map ? [...part.keys()] : [...part];
      for (const key of keys.slice(0, 6)) {
        if (part instanceof Map) {
          const value = part.get(key) as string[];
          part.delete(key);
          if (differences(analysis, targets).length > 0) caught.add(field);
          part.set(key, value);
        } else {
          const at = part.indexOf(key);
          part.splice(at, 1);
          if (differences(analysis, targets).length > 0) caught.add(field);
          part.splice(at, 0, key);
        }
        if (caught.has(field)) break;
      }
    }
    assert.deepEqual(differences(analysis, targets), [], `${name}: restored, the index answers as before`);
  }
  assert.deepEqual([...caught].sort(), [
    'claimWorkloads',
    'nodeClaims',
    'nodePods',
    'outsideClaims',
    'poolClaims',
    'unknownClaims',
    'unplacedHostPaths',
  ]);
});
