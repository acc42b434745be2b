import { compare } from '../graph/context.ts';
import { NEVER_READ_KINDS, type ResourceType } from '../sources/resource-type.ts';

export interface PolicyRule {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}

/** The only verbs tierbook needs: it lists each kind once, cluster-wide, and reads nothing else. */
export const READ_VERBS: readonly string[] = ['get', 'list'];

/**
 * Least privilege for `tierbook inventory` in a cluster: `get` and `list` on exactly the kinds
 * the tables declare they read (RESOURCE_TYPES), one rule per API group, sorted so the role is
 * byte-stable. Secrets are refused here as well as in `resourceTypesOf`: a role that grants them
 * would let a future bug read credentials. Discovery needs no rule (system:discovery allows it).
 */
export function readOnlyRules(types: readonly ResourceType[]): PolicyRule[] {
  const byGroup = new Map<string, Set<string>>();
  for (const type of types) {
    if (NEVER_READ_KINDS.has(type.kind)) throw new Error(`${type.kind} must never be granted`);
    const plurals = byGroup.get(type.group) ?? new Set<string>();
    plurals.add(type.plural);
    byGroup.set(type.group, plurals);
  }
  return [...byGroup.entries()]
    .sort(([a], [b]) => compare(a, b))
    .map(([group, plurals]) => ({
      apiGroups: [group],
      resources: [...plurals].sort(compare),
      verbs: [...READ_VERBS],
    }));
}

export interface ClusterRole {
  apiVersion: 'rbac.authorization.k8s.io/v1';
  kind: 'ClusterRole';
  metadata: { name: string; labels: Record<string, string> };
  rules: PolicyRule[];
}

export function readOnlyClusterRole(types: readonly ResourceType[], name = 'tierbook-reader'): ClusterRole {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: { name, labels: { 'app.kubernetes.io/name': 'tierbook' } },
    rules: readOnlyRules(types),
  };
}
