import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { inventoryNamespaces, linkProtects, namespaceNode } from './policy.ts';
import {
  describeSelector,
  globMatches,
  type LabelSelector,
  readSelector,
  selectorMatches,
} from './selectors.ts';

/** What a Velero backup spec selects, read once: namespace patterns and label selectors. */
interface VeleroScope {
  included: string[];
  excluded: string[];
  /** Any of them matching selects an object; empty = no label filter. */
  selectors: { selector: LabelSelector; field: string }[];
}

/** Objects Velero picks by label whose data a backup can carry: claims, pods, pod templates. */
const LABELLED: readonly { group: string; kind: string; labels: string }[] = [
  { group: '', kind: 'PersistentVolumeClaim', labels: 'metadata.labels' },
  { group: '', kind: 'Pod', labels: 'metadata.labels' },
  { group: 'apps', kind: 'Deployment', labels: 'spec.template.metadata.labels' },
  { group: 'apps', kind: 'StatefulSet', labels: 'spec.template.metadata.labels' },
  { group: 'apps', kind: 'DaemonSet', labels: 'spec.template.metadata.labels' },
];

function readScope(reader: FieldReader, spec: string): VeleroScope {
  const selectors: VeleroScope['selectors'] = [];
  const single = readSelector(reader, `${spec}.labelSelector`);
  if (single) selectors.push({ selector: single, field: `${spec}.labelSelector` });
  for (const i of reader.indexes(`${spec}.orLabelSelectors`)) {
    const field = `${spec}.orLabelSelectors[${i}]`;
    const selector = readSelector(reader, field);
    if (selector) selectors.push({ selector, field });
  }
  return {
    included: reader.strings(`${spec}.includedNamespaces`),
    excluded: reader.strings(`${spec}.excludedNamespaces`),
    selectors,
  };
}

/**
 * Adds `protects` edges for what a Velero Schedule or Backup selects: each included namespace
 * when there is no label filter (everything in it is backed up), else each claim, pod or pod
 * template the selectors match (Velero takes a selected pod's claims with it). Returns notes.
 */
export function linkVeleroScope(
  ctx: BuildContext,
  policy: string,
  reader: FieldReader,
  spec: string,
): string[] {
  const scope = readScope(reader, spec);
  const what = qualifiedName(idOf(reader));
  const allIncluded = scope.included.length === 0 || scope.included.includes('*');
  const namespaces = inventoryNamespaces(ctx).filter(
    (ns) =>
      (allIncluded || scope.included.some((p) => globMatches(p, ns))) &&
      !scope.excluded.some((p) => globMatches(p, ns)),
  );
  const nsField = allIncluded ? `${spec}.excludedNamespaces` : `${spec}.includedNamespaces`;
  for (const namespace of namespaces) {
    if (scope.selectors.length === 0) {
      linkProtects(
        ctx,
        policy,
        namespaceNode(ctx, namespace),
        reader,
        nsField,
        allIncluded
          ? `${reader.object.kind} ${what} includes every namespace not excluded, so ${namespace}`
          : `${reader.object.kind} ${what} includes namespace ${namespace}`,
      );
      continue;
    }
    for (const { group, kind, labels } of LABELLED) {
      for (const object of ctx.index.inNamespace(group, kind, namespace)) {
        // A controller's pods carry its template's labels; an owned controller is reached through its owner.
        if (
          kind !== 'PersistentVolumeClaim' &&
          kind !== 'Pod' &&
          object.array('metadata.ownerReferences').length > 0
        )
          continue;
        const match = scope.selectors.find((s) => selectorMatches(s.selector, object.stringMap(labels)));
        if (!match) continue;
        linkProtects(
          ctx,
          policy,
          idOf(object),
          reader,
          match.field,
          `${reader.object.kind} ${what} selects ${describeSelector(match.selector)}, which matches ${kind} ${qualifiedName(idOf(object))}`,
        );
      }
    }
  }
  const notes: string[] = [];
  if (scope.selectors.length > 0)
    notes.push(`label filter: ${scope.selectors.map((s) => describeSelector(s.selector)).join(' or ')}`);
  if (!allIncluded) notes.push(`namespaces: ${scope.included.join(', ')}`);
  if (scope.excluded.length > 0) notes.push(`excluded namespaces: ${scope.excluded.join(', ')}`);
  return notes;
}
