import type { TierbookConfig } from '../../src/core/config/model.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import type { SavedInventory } from '../../src/core/graph/saved-inventory.ts';
import type { Provenance } from '../../src/core/model.ts';
import type { Unread } from '../../src/core/sources/unread.ts';
import { readContentInventory } from '../../src/io/read-saved-inventory.ts';
import { contentFacts, refuseMixedWithContent } from './content-facts.ts';
import { warnLeftOut } from './left-out.ts';
import { limitsFrom } from './limits.ts';
import type { SourceValues } from './read-cluster.ts';

// Apart, so a command's help and options load none of the readers below.
export { CONTENT_HELP, CONTENT_OPTION } from './content-option.ts';

export interface LoadedInventory {
  graph: Graph;
  config: TierbookConfig;
  /** What the read did not see: said in every answer built on it. */
  unread: Unread[];
  cluster: string;
  /** When the inventory was read: the saved time with --content, else null (now). */
  takenAt: string | null;
  /** Where it came from, for the terminal. */
  describe: string;
  /** Graph node id → where the object was read (file and line offline); empty with --content. */
  provenance: ReadonlyMap<string, Provenance>;
}

/**
 * The graph every answering command (blast, check, runbook, print, guard) works on: read from
 * the cluster or --from and built, or with `--content DIR` the graph an earlier `inventory`
 * saved. `consequence` ends the warning for a kind that could not be read ("the blast radius
 * may miss what depends on it").
 */
export async function loadInventory(
  values: SourceValues & { content?: string | undefined },
  consequence: string,
): Promise<LoadedInventory> {
  if (values.content === undefined) {
    // Loaded here, not at the top: a committed inventory (--content) needs neither the cluster
    // client, the offline readers nor YAML, and start-up is paid per command. The core's front
    // door loads the graph builder only when loadCluster is called.
    const [{ readClusterAndConfig }, { loadCluster }] = await Promise.all([
      import('./read-cluster.ts'),
      import('../../src/core/index.ts'),
    ]);
    const { read, config } = await readClusterAndConfig(values);
    for (const u of read.result.unreadable) {
      process.stderr.write(
        `tierbook: warning: could not read ${u.group || 'core'}/${u.kind} (${u.reason}): ${u.detail}; ${consequence}\n`,
      );
    }
    const { graph, unread, provenance } = await loadCluster(read.result);
    warnLeftOut(graph);
    return {
      graph,
      config,
      unread,
      cluster: read.cluster,
      takenAt: null,
      describe: read.describe,
      provenance,
    };
  }
  refuseMixedWithContent(values);
  const limits = limitsFrom(values);
  const saved = await readContentInventory(values.content, limits.maxBytes);
  // The inventory's own configuration made its tiers; --config asks for another on purpose.
  const config =
    values.config === undefined
      ? saved.config
      : (await (await import('../../src/io/read-config.ts')).readConfig(values.config, process.cwd())).config;
  return contentLoaded(saved, values.content, config);
}

/** The inventory saved in content folder `dir`, as every answering command sees it. */
export function contentLoaded(saved: SavedInventory, dir: string, config: TierbookConfig): LoadedInventory {
  warnLeftOut(saved.graph);
  return { graph: saved.graph, config, ...contentFacts(saved, dir), provenance: new Map() };
}
