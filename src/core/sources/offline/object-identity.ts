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
  const left = [...identityOf(a.object), a.from.file ?? '', a.from.apiPath ?? ''];
  const right = [...identityOf(b.object), b.from.file ?? '', b.from.apiPath ?? ''];
  for (let i = 0; i < left.length; i++) {
    const order = compareText(left[i] ?? '', right[i] ?? '');
    if (order !== 0) return order;
  }
  return (a.from.line ?? 0) - (b.from.line ?? 0);
}

export function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}

export function sortItems(items: readonly SourceItem[]): SourceItem[] {
  return [...items].sort(compareItems);
}
