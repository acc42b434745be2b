import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import { renderSavedInventory, SAVED_INVENTORY_SCHEMA } from '../../src/core/graph/saved-inventory.ts';
import { loadCluster } from '../../src/core/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { NOW, ROOT } from '../reliability/support.ts';

/**
 * Every blast scenario's cluster (tests/fixtures/blast: Ceph, Longhorn, hostPath, NFS, unknown
 * drivers, operators) as a graph and the graph.json text `inventory` would save for it.
 */
export async function* blastFixtureInventories(): AsyncGenerator<{
  name: string;
  graph: Graph;
  text: string;
}> {
  const root = join(ROOT, 'tests', 'fixtures', 'blast');
  for (const name of readdirSync(root).sort()) {
    if (name.startsWith('_')) continue;
    const dir = join(root, name);
    const { inputs } = JSON.parse(readFileSync(join(dir, 'inputs.json'), 'utf8')) as { inputs: string[] };
    const paths = inputs.map((p) => (p.startsWith('.') ? join(dir, p) : join(ROOT, p)));
    yield await fixtureInventory(name, paths);
  }
}

/** The cluster read from `paths` (files or folders) and the graph.json text `inventory` would save. */
export async function fixtureInventory(
  name: string,
  paths: string[],
): Promise<{ name: string; graph: Graph; text: string }> {
  const { graph } = await loadCluster(await readOffline(paths));
  const text = renderSavedInventory({
    schema: SAVED_INVENTORY_SCHEMA,
    cluster: name,
    takenAt: NOW,
    config: DEFAULT_CONFIG,
    unread: [],
    graph,
  });
  return { name, graph, text };
}
