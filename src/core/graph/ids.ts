import { groupOf } from '../model.ts';

/** `group/Kind/namespace/name`; the core API group is written `core`. */
export function nodeId(group: string, kind: string, namespace: string | undefined, name: string): string {
  return `${group || 'core'}/${kind}/${namespace ?? ''}/${name}`;
}

export function idFor(apiVersion: string, kind: string, namespace: string | undefined, name: string): string {
  return nodeId(groupOf(apiVersion), kind, namespace, name);
}

export interface ParsedId {
  group: string;
  kind: string;
  namespace: string;
  name: string;
}

// Both below find the first three slashes instead of splitting: a blast query names thousands
// of claims, pools and workloads, and a split's array per call was a tenth of the guard's query
// (tests/graph/ids.test.ts holds them to the split they replace). Missing parts are ''; the
// name is everything after the third slash, slashes included.

export function parseId(id: string): ParsedId {
  const a = id.indexOf('/');
  const b = a < 0 ? -1 : id.indexOf('/', a + 1);
  const c = b < 0 ? -1 : id.indexOf('/', b + 1);
  const group = a < 0 ? id : id.slice(0, a);
  return {
    group: group === 'core' ? '' : group,
    kind: a < 0 ? '' : b < 0 ? id.slice(a + 1) : id.slice(a + 1, b),
    namespace: b < 0 ? '' : c < 0 ? id.slice(b + 1) : id.slice(b + 1, c),
    name: c < 0 ? '' : id.slice(c + 1),
  };
}

/** `namespace/name`, or `name` when cluster-scoped: how messages name an object. */
export function qualifiedName(id: string): string {
  const a = id.indexOf('/');
  const b = a < 0 ? -1 : id.indexOf('/', a + 1);
  if (b < 0) return '';
  const c = id.indexOf('/', b + 1);
  // With a namespace, `namespace/name` is the id after its second slash.
  if (c < 0) return b + 1 < id.length ? `${id.slice(b + 1)}/` : '';
  return c > b + 1 ? id.slice(b + 1) : id.slice(c + 1);
}
