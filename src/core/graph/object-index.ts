import { FieldReader } from '../fields.ts';
import { groupOf, type SourceItem } from '../model.ts';
import { nodeId } from './ids.ts';

/** Objects by node id and by kind, for resolving references in O(1). */
export class ObjectIndex {
  readonly #byId = new Map<string, FieldReader>();
  readonly #byKind = new Map<string, FieldReader[]>();
  readonly #byKindNamespace = new Map<string, FieldReader[]>();

  constructor(items: readonly SourceItem[]) {
    for (const item of items) {
      const reader = new FieldReader(item);
      const { apiVersion, kind, metadata } = item.object;
      if (!metadata.name) continue;
      this.#byId.set(nodeId(groupOf(apiVersion), kind, metadata.namespace, metadata.name), reader);
      const key = kindKey(groupOf(apiVersion), kind);
      const list = this.#byKind.get(key);
      if (list) list.push(reader);
      else this.#byKind.set(key, [reader]);
      const nsKey = `${key}/${metadata.namespace ?? ''}`;
      const inNamespace = this.#byKindNamespace.get(nsKey);
      if (inNamespace) inNamespace.push(reader);
      else this.#byKindNamespace.set(nsKey, [reader]);
    }
  }

  get(id: string): FieldReader | undefined {
    return this.#byId.get(id);
  }

  has(id: string): boolean {
    return this.#byId.has(id);
  }

  /** Objects of a kind; `group` may be a list when a kind moved between API groups. */
  ofKind(group: string | readonly string[], kind: string): FieldReader[] {
    const groups = typeof group === 'string' ? [group] : group;
    return groups.flatMap((g) => this.#byKind.get(kindKey(g, kind)) ?? []);
  }

  /** Objects of a kind in one namespace. */
  inNamespace(group: string, kind: string, namespace: string): FieldReader[] {
    return this.#byKindNamespace.get(`${kindKey(group, kind)}/${namespace}`) ?? [];
  }

  all(): IterableIterator<FieldReader> {
    return this.#byId.values();
  }
}

function kindKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

export function idOf(reader: FieldReader): string {
  const { apiVersion, kind, metadata } = reader.object;
  return nodeId(groupOf(apiVersion), kind, metadata.namespace, metadata.name ?? '');
}
