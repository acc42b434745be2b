/**
 * The inventory binds runbooks with the failure domains' blast radii it already computed
 * (`knownBlasts`); every bound runbook must be what binding it alone, its blast radius computed
 * afresh on an analysis of its own, gives.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { SAMPLE_CLUSTER } from '../../scripts/commands/demo.ts';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import type { SourceResult } from '../../src/core/model.ts';
import { bindRunbook } from '../../src/core/runbooks/bind.ts';
import { describeUnread, unreadOf } from '../../src/core/sources/unread.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { inventoryFrom } from '../support/pipeline.ts';

const NOW = '2026-11-24T06:00:00Z';

/** How many of the bound runbooks gate on a blast radius. */
async function sameAsAlone(source: SourceResult): Promise<number> {
  const { runbooks } = await readRunbooks();
  const inventory = await inventoryFrom(source, { cluster: 'c', now: NOW, runbooks });
  const analysis = analyze(buildGraph(source.items), {
    config: DEFAULT_CONFIG,
    now: NOW,
    drills: { records: [], cluster: 'c' },
  });
  const unread = unreadOf(source).map((u) => describeUnread(u, 'what it holds is not in these gates'));
  let gated = 0;
  for (const entry of inventory.runbooks) {
    const runbook = runbooks.find((r) => r.meta.id === entry.bound.id);
    assert.ok(runbook, entry.bound.id);
    const alone = bindRunbook(runbook, analysis, entry.bound.target, { cluster: 'c', takenAt: NOW, unread });
    assert.deepStrictEqual(entry.bound, alone, entry.path);
    if (entry.bound.gates.some((g) => g.id === 'data-loss')) gated++;
  }
  return gated;
}

test('runbooks bound with the failure domains blast radii equal runbooks bound alone', async () => {
  assert.ok((await sameAsAlone(await readOffline([SAMPLE_CLUSTER]))) > 0);
  assert.ok(
    (await sameAsAlone({ items: syntheticCluster({ workloads: 60 }), unreadable: [], skipped: [] })) > 0,
  );
});
