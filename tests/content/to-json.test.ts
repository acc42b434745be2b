/**
 * `toJson` copies plain data directly instead of writing and reading back JSON; whatever it is
 * given, it must give what the round trip gives (or throw where the round trip throws). Checked
 * on every page entry of the sample and of a synthetic cluster, and on values fast-check draws
 * with the edges JSON treats specially (undefined, -0, NaN, holes, dates, class instances).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { SAMPLE_CLUSTER } from '../../scripts/commands/demo.ts';
import type { SourceResult } from '../../src/core/model.ts';
import { toJson } from '../../src/core/render/front-matter.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { inventoryFrom } from '../support/pipeline.ts';

function roundTrip(value: unknown): unknown {
  return JSON.parse(JSON.stringify(value));
}

function sameAsRoundTrip(value: unknown): void {
  let expected: unknown;
  try {
    expected = roundTrip(value);
  } catch (error) {
    assert.throws(() => toJson(value), (error as Error).constructor as typeof Error);
    return;
  }
  assert.deepStrictEqual(toJson(value), expected);
}

async function entriesOf(source: SourceResult): Promise<unknown[]> {
  const { runbooks } = await readRunbooks();
  const inventory = await inventoryFrom(source, { cluster: 'c', now: '2026-11-24T06:00:00Z', runbooks });
  return [...inventory.workloads, ...inventory.storage, ...inventory.runbooks, inventory.failureDomains];
}

test('every page entry of the sample and of a synthetic cluster copies as the JSON round trip', async () => {
  const sample = await entriesOf(await readOffline([SAMPLE_CLUSTER]));
  const synthetic = await entriesOf({
    items: syntheticCluster({ workloads: 60 }),
    unreadable: [],
    skipped: [],
  });
  assert.ok(sample.length > 50 && synthetic.length > 100);
  for (const entry of [...sample, ...synthetic]) sameAsRoundTrip(entry);
});

test('values with every edge JSON treats specially copy as the JSON round trip', () => {
  class Box {
    inside: number;
    constructor(inside: number) {
      this.inside = inside;
    }
  }
  const leaf = fc.oneof(
    fc.constantFrom(undefined, null, -0, 0, Number.NaN, Infinity, -Infinity, true, '', '__proto__'),
    fc.string(),
    fc.double(),
    fc.integer(),
    fc.date({ noInvalidDate: true }),
    fc.integer().map((n) => new Box(n)),
    fc.constant(() => 1),
    fc.constant(Symbol('s')),
  );
  const value = fc.letrec((tie) => ({
    tree: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object'), tie('sparse'), tie('protoKey')),
    array: fc.array(tie('tree'), { maxLength: 5 }),
    object: fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('0', '10', 'toJSON', 'a')), tie('tree'), {
      maxKeys: 5,
    }),
    sparse: fc.array(tie('tree'), { maxLength: 3 }).map((items) => {
      const holes = new Array(items.length + 2);
      items.forEach((item, i) => {
        holes[i * 2] = item;
      });
      return holes;
    }),
    protoKey: tie('tree').map((inner) =>
      JSON.parse(`{"__proto__": ${JSON.stringify(inner ?? null) ?? 'null'}}`),
    ),
  }));
  fc.assert(
    fc.property(value.tree, (v) => sameAsRoundTrip(v)),
    { numRuns: 2000 },
  );
  for (const top of [undefined, () => 1, Symbol('s'), 1n, { a: 1n }, [-0], { d: new Date(0) }])
    sameAsRoundTrip(top);
});
