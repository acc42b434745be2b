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

export function parseId(id: string): ParsedId {
  const [group = '', kind = '', namespace = '', ...rest] = id.split('/');
  return { group: group === 'core' ? '' : group, kind, namespace, name: rest.join('/') };
}

/** `namespace/name`, or `name` when cluster-scoped: how messages name an object. */
export function qualifiedName(id: string): string {
  const { namespace, name } = parseId(id);
  return namespace ? `${namespace}/${name}` : name;
}
