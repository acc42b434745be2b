import { UsageError } from '../../src/core/errors.ts';
import type { SavedInventory } from '../../src/core/graph/saved-inventory.ts';
import type { Unread } from '../../src/core/sources/unread.ts';
import type { SourceValues } from './read-cluster.ts';

/*
 * What an answer says of a committed inventory and its age: apart from load-inventory.ts so
 * the guard's answer from its saved context loads neither graph.json's reader nor its checks.
 */

/** What an answer says of a committed inventory, from graph.json's head alone. */
export function contentFacts(
  head: Pick<SavedInventory, 'unread' | 'cluster' | 'takenAt'>,
  dir: string,
): { unread: Unread[]; cluster: string; takenAt: string; describe: string } {
  return {
    unread: head.unread,
    cluster: head.cluster,
    takenAt: head.takenAt,
    describe: `the inventory in ${dir} (taken ${head.takenAt})`,
  };
}

/**
 * What an answer from a committed inventory cannot know, said beside it: the cluster as it was
 * when the inventory was read, not as it is now.
 */
export function staleNotice(
  loaded: { takenAt: string | null; describe: string },
  now: string,
): string | null {
  if (loaded.takenAt === null) return null;
  return `answered from ${loaded.describe}, not from the cluster: anything changed since ${loaded.takenAt} (new volumes, moved pods, a backup run or failed) is not in this answer${ageOf(loaded.takenAt, now)}`;
}

function ageOf(takenAt: string, now: string): string {
  const hours = (Date.parse(now) - Date.parse(takenAt)) / 3_600_000;
  if (!Number.isFinite(hours) || hours < 1) return '';
  return hours < 48 ? ` (${Math.floor(hours)} h old)` : ` (${Math.floor(hours / 24)} days old)`;
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
