import { groupOf, type SourceResult } from '../model.ts';
import { RESOURCE_TYPES } from './resources.ts';

const KNOWN = new Set(RESOURCE_TYPES.map((r) => `${r.group}/${r.kind}`));

/**
 * Keeps the kinds tierbook reads, so an offline snapshot and a live read of the same cluster
 * give the same objects (the live source lists only these). Each dropped kind is one
 * `skipped` entry with a count, not one per object.
 */
export function keepKnownKinds(result: SourceResult): SourceResult {
  const dropped = new Map<string, number>();
  const items = result.items.filter((item) => {
    const key = `${groupOf(item.object.apiVersion)}/${item.object.kind}`;
    if (KNOWN.has(key)) return true;
    dropped.set(key, (dropped.get(key) ?? 0) + 1);
    return false;
  });
  const skipped = [...dropped]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([key, count]) => ({
      where: key.startsWith('/') ? `core${key}` : key,
      reason: `${count} object(s) of a kind tierbook does not use`,
    }));
  return { ...result, items, skipped: [...result.skipped, ...skipped] };
}
