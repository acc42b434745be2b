import type { FieldReader } from '../../fields.ts';
import type { Json } from '../../model.ts';
import type { ResourceType } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { parseId } from '../ids.ts';
import type { RestoreFacts } from './facts.ts';

/**
 * A restore evidence adapter: after the backup adapters, it records on each object that shows a
 * restore (a Velero Restore, a CloudNativePG Cluster bootstrapped from a backup…) an attr
 * `restore` and adds `restores` edges (restore → what it put data back into: a namespace, a
 * PVC, an operator's cluster). One file per system; the table is in `index.ts`, and
 * `RestoreSystem` (index.ts) is the union of its rows' `system`: each adapter declares its own
 * name as `RestoreAdapter<'name'>`.
 */
export interface RestoreAdapter<System extends string = string> {
  system: System;
  /** The kinds it reads, listed live and kept offline (RESOURCE_TYPES is derived from them). */
  reads: readonly ResourceType[];
  extract(ctx: BuildContext): void;
}

/** The `restore` attr of a restore node: what the API says about one restore, JSON-safe. */
export type RestoreAttr = RestoreFacts;

export function recordRestore(ctx: BuildContext, id: string, attr: RestoreAttr): void {
  ctx.setAttrs(id, { restore: attr as unknown as Json });
}

/**
 * A `restores` edge from a restore to what it put data back into. A target not in the inventory
 * (a cluster or PVC deleted since) gets no placeholder, which would pose as a workload or a
 * claim: it is a dangling reference, and the restore counts for nothing.
 */
export function linkRestores(
  ctx: BuildContext,
  restore: string,
  target: string,
  source: FieldReader,
  field: string,
  why: string,
): void {
  if (!ctx.hasNode(target)) {
    const { kind, namespace, name } = parseId(target);
    ctx.dangling(
      source,
      field,
      `restored into ${kind} ${named(namespace, name)}, which is not in the inventory: not counted as restore evidence`,
    );
    return;
  }
  ctx.edge({ from: restore, to: target, type: 'restores', source, field, why });
}

/** `namespace/name`, or `name` when the object has no namespace (a manifest without one). */
export function named(namespace: string | undefined, name: string | undefined): string {
  return namespace ? `${namespace}/${name ?? ''}` : (name ?? '');
}
