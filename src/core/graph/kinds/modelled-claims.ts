import type { FieldReader } from '../../fields.ts';
import { isUnresolvedName } from '../../unresolved-name.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { defaultStorageClass } from './storage-class.ts';

/**
 * A PVC a controller or an operator will create, known from its spec rather than read: a
 * StatefulSet's claim template, a CloudNativePG `spec.storage`, a Percona `volumeSpec`.
 */
export interface ModelledClaim {
  namespace: string;
  name: string;
  /** Who writes the spec (the StatefulSet, the operator's resource); it mounts the claim. */
  source: FieldReader;
  /** The field holding the claim's spec, recorded on the edges. */
  field: string;
  /** How the class is asked for: `claim template data`, `spec.storage`. */
  subject: string;
  /** storageClassName as written: undefined when not set (the cluster default applies). */
  storageClass: string | undefined;
  classField: string;
  size: string | undefined;
  /** Why the source mounts it, in words. */
  why: string;
  /** Extra attributes for the claim's node (`modelled`: what blast states when it relies on it). */
  attrs?: Record<string, string>;
}

/** The class a modelled claim lands on: named, the cluster default, none (`""`) or unknown. */
export type ClassChoice =
  | { how: 'spec' | 'default'; name: string }
  | { how: 'none' | 'unknown' | 'unresolved'; name: null };

/**
 * Adds the claim (a placeholder node marked missing when no such PVC was read), its class and
 * the mount. A class left unset is the cluster default; when the inventory shows no default,
 * the class is `unknown` and blast treats the claim as on any class it is asked about.
 */
export function modelClaim(ctx: BuildContext, claim: ModelledClaim): ClassChoice {
  const id = nodeId('', 'PersistentVolumeClaim', claim.namespace, claim.name);
  const choice = classOf(ctx, claim.storageClass);
  if (!ctx.index.has(id)) {
    ctx.node(id, { missing: true, apiVersion: 'v1' });
    ctx.setAttrs(id, {
      classFrom: choice.how,
      // A Flux variable nothing substituted: the class is unknown, not a class of that name.
      ...(choice.how === 'unresolved' ? { unresolvedClass: claim.storageClass } : {}),
      ...(claim.size ? { requested: claim.size } : {}),
      ...claim.attrs,
    });
    if (choice.name !== null) linkClass(ctx, id, claim, choice);
  }
  ctx.edge({
    from: idOf(claim.source),
    to: id,
    type: 'mounts',
    source: claim.source,
    field: claim.field,
    why: claim.why,
  });
  return choice;
}

function classOf(ctx: BuildContext, storageClass: string | undefined): ClassChoice {
  if (storageClass === '') return { how: 'none', name: null };
  if (storageClass !== undefined && isUnresolvedName(storageClass)) return { how: 'unresolved', name: null };
  if (storageClass !== undefined) return { how: 'spec', name: storageClass };
  const fallback = defaultStorageClass(ctx.index)?.object.metadata.name;
  return fallback ? { how: 'default', name: fallback } : { how: 'unknown', name: null };
}

function linkClass(
  ctx: BuildContext,
  id: string,
  claim: ModelledClaim,
  choice: { how: 'spec' | 'default'; name: string },
): void {
  const to = nodeId('storage.k8s.io', 'StorageClass', undefined, choice.name);
  if (!ctx.index.has(to)) {
    ctx.node(to, { missing: true, apiVersion: 'storage.k8s.io/v1' });
    ctx.dangling(
      claim.source,
      claim.classField,
      `asks for StorageClass ${choice.name}, which is not in the inventory`,
    );
  }
  ctx.edge({
    from: id,
    to,
    type: 'uses-class',
    source: claim.source,
    field: claim.classField,
    why:
      choice.how === 'default'
        ? `${claim.subject} names no class: the cluster default ${choice.name} applies`
        : `${claim.subject} asks for StorageClass ${choice.name}`,
  });
}
