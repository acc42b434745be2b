import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { blastJson, blastRadius, knownTargets } from '../../src/core/analysis/blast/index.ts';
import { runChecks } from '../../src/core/analysis/checks/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { readSavedInventory } from '../../src/core/graph/read-saved-inventory.ts';
import { savedInventoryText } from '../../src/core/render/saved-inventory-file.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { NOW, SAMPLE } from '../reliability/support.ts';
import { inventoryFrom } from '../support/pipeline.ts';
import { blastFixtureInventories } from './fixture-inventories.ts';

// The promise of --content: an answer from the saved graph is the answer from the cluster read
// that wrote it, for every target, not only the one a CLI test happens to try.
test('every blast target and every finding answered from graph.json equals the answer from the read', async () => {
  const read = keepKnownKinds(await readOffline([SAMPLE], { partial: false }));
  const inventory = await inventoryFrom(read, { cluster: 'sample', now: NOW, config: DEFAULT_CONFIG });
  const saved = readSavedInventory(savedInventoryText(inventory), 'graph.json');
  assert.deepEqual(saved.graph, inventory.graph, 'the graph survives the round trip exactly');
  const live = analyze(inventory.graph, { config: DEFAULT_CONFIG, now: NOW });
  const fromContent = analyze(saved.graph, { config: saved.config, now: NOW });
  const targets = knownTargets(live);
  assert.ok(targets.length > 20, `the sample has many targets (${targets.length})`);
  assert.deepEqual(
    knownTargets(fromContent).map((t) => t.text),
    targets.map((t) => t.text),
  );
  for (const target of targets) {
    for (const outage of [false, true]) {
      assert.deepEqual(
        blastJson(blastRadius(fromContent, [target], { outage })),
        blastJson(blastRadius(live, [target], { outage })),
        `${target.text}${outage ? ' --outage' : ''}`,
      );
    }
  }
  assert.deepEqual(runChecks(fromContent), runChecks(live));
});

// The same over every blast scenario's cluster (Ceph, Longhorn, hostPath, NFS, unknown drivers,
// operators): whatever a backend put in its attributes must survive graph.json.
test('every blast fixture cluster answers the same from its graph.json', async () => {
  let compared = 0;
  for await (const { name, graph, text } of blastFixtureInventories()) {
    const saved = readSavedInventory(text, `${name}/graph.json`);
    assert.deepEqual(saved.graph, graph, name);
    const before = analyze(graph, { config: DEFAULT_CONFIG, now: NOW });
    const after = analyze(saved.graph, { config: saved.config, now: NOW });
    for (const target of knownTargets(before)) {
      assert.deepEqual(
        blastJson(blastRadius(after, [target], { outage: false })),
        blastJson(blastRadius(before, [target], { outage: false })),
        `${name}: ${target.text}`,
      );
      compared++;
    }
  }
  assert.ok(compared > 100, `compared ${compared} answers`);
});
