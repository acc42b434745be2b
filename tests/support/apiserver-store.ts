import type { KubeObject } from '../../src/core/model.ts';
import { type ApiResourceDef, groupVersionOf, resourceKey } from './apiserver-kinds.ts';

/** What the local server serves: its discovery facts and its objects, sorted like etcd keys. */
export interface Store {
  /** Served group names in discovery order (core `''` first), each with its versions by priority. */
  groups: Map<string, string[]>;
  /** Served resources by group-version (`v1`, `apps/v1`). */
  resources: Map<string, ApiResourceDef[]>;
  /** Objects by `resourceKey`, in etcd key order: namespace, then name. */
  objects: Map<string, KubeObject[]>;
  resourceVersion: number;
}

/**
 * Builds the store. A CRD group is served when it is in `crdGroups`, by default when any object
 * belongs to it (as if the operator were installed); an object of a kind not served is a bug in
 * the test and throws.
 */
export function buildStore(
  objects: readonly KubeObject[],
  table: readonly ApiResourceDef[],
  crdGroups?: readonly string[],
): Store {
  const installed = new Set(crdGroups ?? objects.map((o) => groupOf(o.apiVersion)));
  const served = table.filter((def) => def.builtin || installed.has(def.group));
  const groups = new Map<string, string[]>();
  const resources = new Map<string, ApiResourceDef[]>();
  for (const def of served) {
    const versions = groups.get(def.group) ?? [];
    if (!versions.includes(def.version)) versions.push(def.version);
    groups.set(def.group, versions);
    const gv = groupVersionOf(def);
    resources.set(gv, [...(resources.get(gv) ?? []), def]);
  }

  const byKey = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const def = served.find((d) => d.group === groupOf(object.apiVersion) && d.kind === object.kind);
    if (!def) throw new Error(`apiserver: no served resource for ${object.apiVersion} ${object.kind}`);
    const key = resourceKey(def);
    byKey.set(key, [...(byKey.get(key) ?? []), object]);
  }
  for (const list of byKey.values()) list.sort((a, b) => compare(etcdKey(a), etcdKey(b)));
  return { groups, resources, objects: byKey, resourceVersion: 1000 + objects.length };
}

/** etcd stores `/registry/pods/<namespace>/<name>`: lists come back in this order. */
export function etcdKey(object: KubeObject): string {
  const name = object.metadata.name ?? '';
  return object.metadata.namespace ? `${object.metadata.namespace}/${name}` : name;
}

export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash < 0 ? '' : apiVersion.slice(0, slash);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The object as served at `def`'s version; lists of built-in kinds omit `kind`/`apiVersion` per item. */
export function servedAs(object: KubeObject, def: ApiResourceDef, inList: boolean): Record<string, unknown> {
  const { apiVersion: _apiVersion, kind: _kind, ...rest } = object;
  if (inList && def.builtin) return rest;
  return { apiVersion: groupVersionOf(def), kind: def.kind, ...rest };
}
