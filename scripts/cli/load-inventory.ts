import type { TierbookConfig } from '../../src/core/config/model.ts';
import { UsageError } from '../../src/core/errors.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import type { SavedInventory } from '../../src/core/graph/saved-inventory.ts';
import type { Provenance } from '../../src/core/model.ts';
import type { Unread } from '../../src/core/sources/unread.ts';
import { readContentInventory } from '../../src/io/read-saved-inventory.ts';
import { warnLeftOut } from './left-out.ts';
import { limitsFrom } from './limits.ts';
import type { SourceValues } from './read-cluster.ts';

/** `--content DIR`: for the commands that can answer from a committed inventory. */
export const CONTENT_OPTION = { content: { type: 'string' } } as const;

export const CONTENT_HELP = `  --content DIR    answer from a committed inventory (its graph.json), not a
                   cluster or --from; its config is used unless --config`;

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

/** The source options that mean "read a cluster or files": none of them mix with --content. */
const READ_FLAGS = [
  'from',
  'kubeconfig',
  'context',
  'cluster',
  'partial',
  'timeout',
  'request-timeout',
] as const;

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

/** `--content` reads a committed inventory: no source option goes with it. */
export function refuseMixedWithContent(values: SourceValues): void {
  const mixed = READ_FLAGS.find((flag) => {
    const value = values[flag];
    return Array.isArray(value) ? value.length > 0 : value !== undefined;
  });
  if (mixed !== undefined) {
    throw new UsageError(`--content reads a committed inventory; it does not mix with --${mixed}`);
  }
}

/** The inventory saved in content folder `dir`, as every answering command sees it. */
export function contentLoaded(saved: SavedInventory, dir: string, config: TierbookConfig): LoadedInventory {
  warnLeftOut(saved.graph);
  return {
    graph: saved.graph,
    config,
    unread: saved.unread,
    cluster: saved.cluster,
    takenAt: saved.takenAt,
    describe: `the inventory in ${dir} (taken ${saved.takenAt})`,
    provenance: new Map(),
  };
}

/**
 * What an answer from a committed inventory cannot know, said beside it: the cluster as it was
 * when the inventory was read, not as it is now.
 */
export function staleNotice(loaded: LoadedInventory, now: string): string | null {
  if (loaded.takenAt === null) return null;
  return `answered from ${loaded.describe}, not from the cluster: anything changed since ${loaded.takenAt} (new volumes, moved pods, a backup run or failed) is not in this answer${ageOf(loaded.takenAt, now)}`;
}

function ageOf(takenAt: string, now: string): string {
  const hours = (Date.parse(now) - Date.parse(takenAt)) / 3_600_000;
  if (!Number.isFinite(hours) || hours < 1) return '';
  return hours < 48 ? ` (${Math.floor(hours)} h old)` : ` (${Math.floor(hours / 24)} days old)`;
}
