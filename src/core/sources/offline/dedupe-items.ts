import { formatProvenance } from '../../errors.ts';
import type { Skipped, SourceItem } from '../../model.ts';
import { compareText, identityOf, objectLabel } from './object-identity.ts';

/**
 * Keeps one copy of each object (same group, kind, namespace and name). A must-gather holds both
 * `core/pods.yaml` and `pods/<name>/<name>.yaml`, gathered moments apart: the copy with the later
 * numeric `resourceVersion` wins, else the first by file path and line. Each dropped copy is a
 * skipped entry saying which copy was kept.
 */
export function dedupeItems(items: readonly SourceItem[]): { items: SourceItem[]; skipped: Skipped[] } {
  const kept = new Map<string, SourceItem>();
  const skipped: Skipped[] = [];
  for (const item of items) {
    const key = JSON.stringify(identityOf(item.object));
    const other = kept.get(key);
    if (!other) {
      kept.set(key, item);
      continue;
    }
    const [winner, loser] = preferred(other, item) === other ? [other, item] : [item, other];
    kept.set(key, winner);
    skipped.push({
      where: formatProvenance(loser.from),
      reason: `duplicate of ${objectLabel(winner.object)} at ${formatProvenance(winner.from)}, which is kept (${why(winner, loser)})`,
    });
  }
  return { items: [...kept.values()], skipped };
}

function preferred(a: SourceItem, b: SourceItem): SourceItem {
  const versions = [resourceVersion(a), resourceVersion(b)];
  const [left, right] = versions;
  if (left !== undefined && right !== undefined && left !== right) return left > right ? a : b;
  return compareOrigin(a, b) <= 0 ? a : b;
}

function why(winner: SourceItem, loser: SourceItem): string {
  const [kept, dropped] = [resourceVersion(winner), resourceVersion(loser)];
  if (kept !== undefined && dropped !== undefined && kept !== dropped) {
    return `newer resourceVersion ${kept} > ${dropped}`;
  }
  return 'first by file path';
}

/** resourceVersion is opaque to clients, but etcd-backed servers use increasing integers. */
function resourceVersion(item: SourceItem): bigint | undefined {
  const version = item.object.metadata.resourceVersion;
  return typeof version === 'string' && /^\d{1,30}$/.test(version) ? BigInt(version) : undefined;
}

function compareOrigin(a: SourceItem, b: SourceItem): number {
  return compareText(a.from.file ?? '', b.from.file ?? '') || (a.from.line ?? 0) - (b.from.line ?? 0);
}
