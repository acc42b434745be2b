import { groupOf, type KubeObject, type SourceItem } from '../../model.ts';

/** The fields that identify an object across sources: snapshots may lack UIDs. */
export function identityOf(
  object: KubeObject,
): [group: string, kind: string, namespace: string, name: string] {
  return [
    groupOf(object.apiVersion),
    object.kind,
    object.metadata.namespace ?? '',
    object.metadata.name ?? '',
  ];
}

/** `Kind namespace/name` (or `Kind name` when cluster-scoped), for messages. */
export function objectLabel(object: KubeObject): string {
  const { namespace, name } = object.metadata;
  return `${object.kind} ${namespace ? `${namespace}/` : ''}${name ?? ''}`;
}

/**
 * Orders items by group, kind, namespace and name, then by where they came from, comparing code
 * units rather than locale so the order is the same on every machine.
 */
export function compareItems(a: SourceItem, b: SourceItem): number {
  return compareKeyed(keyed(a), keyed(b));
}

export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

/** The items in `compareItems` order (stable), each one's sort key made once, not per comparison. */
export function sortItems(items: readonly SourceItem[]): SourceItem[] {
  return items
    .map(keyed)
    .sort(compareKeyed)
    .map((k) => k.item);
}

interface Keyed {
  item: SourceItem;
  key: string[];
  line: number;
}

function keyed(item: SourceItem): Keyed {
  return {
    item,
    key: [...identityOf(item.object), item.from.file ?? '', item.from.apiPath ?? ''],
    line: item.from.line ?? 0,
  };
}

function compareKeyed(a: Keyed, b: Keyed): number {
  for (let i = 0; i < a.key.length; i++) {
    const order = compareText(a.key[i] ?? '', b.key[i] ?? '');
    if (order !== 0) return order;
  }
  return a.line - b.line;
}
