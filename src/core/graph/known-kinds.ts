import { groupOf, type SourceResult } from '../model.ts';
import type { ResourceType } from '../sources/resource-type.ts';
import { RESOURCE_TYPES } from './reads.ts';

const keyOf = (r: { group: string; kind: string }) => `${r.group}/${r.kind}`;
const KNOWN = new Set(RESOURCE_TYPES.map(keyOf));

/**
 * Keeps the kinds tierbook reads, so an offline snapshot and a live read of the same cluster
 * give the same objects (the live source lists only these). Each dropped kind is one
 * `skipped` entry with a count, not one per object. `types` is for tests: the CLI keeps
 * `RESOURCE_TYPES`, which the tables' `reads` make.
 */
export function keepKnownKinds(
  result: SourceResult,
  types: readonly ResourceType[] = RESOURCE_TYPES,
): SourceResult {
  const known = types === RESOURCE_TYPES ? KNOWN : new Set(types.map(keyOf));
  const dropped = new Map<string, number>();
  const items = result.items.filter((item) => {
    const key = `${groupOf(item.object.apiVersion)}/${item.object.kind}`;
    if (known.has(key)) return true;
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
