import type { FieldReader } from '../../../fields.ts';
import { groupOf } from '../../../model.ts';
import { nodeId } from '../../ids.ts';
import type { ObjectIndex } from '../../object-index.ts';
import type { KindExtractor } from '../extractor.ts';
import { type ClassChoice, modelClaim } from '../modelled-claims.ts';
import type { OperatorClaim, OperatorModel } from './model.ts';

/**
 * An operator's resource read without what the operator made of it (a manifests-only input):
 * the claims its spec asks for, marked `modelled` with the sentence blast states when it relies
 * on them. When any of its real claims, pods or StatefulSets were read, those are used
 * instead, never both.
 */
export function operatorClaims(model: OperatorModel): KindExtractor {
  return {
    group: model.group,
    kind: model.kind,
    reads: [{ group: model.group, kind: model.kind, plural: model.plural }],
    extract(ctx, reader) {
      const { claims, instances } = model.claims(reader);
      if (claims.length === 0 || realised(ctx.index, reader, model, claims)) return;
      const namespace = reader.object.metadata.namespace ?? '';
      const name = reader.object.metadata.name ?? '';
      const choices = claims.map((claim) => modelClaim(ctx, modelled(reader, namespace, claim)));
      const fields = [...new Set(claims.map((c) => c.field))].join(' and ');
      const classes = [...new Set(choices.map(classWords))].join('; ');
      const where = namespace ? `${namespace}/${name}` : name;
      const sentence = `${model.title} ${where}: claims modelled from ${fields} (${instances}, ${classes}), not read`;
      for (const claim of claims)
        ctx.setAttrs(nodeId('', 'PersistentVolumeClaim', namespace, claim.name), { modelled: sentence });
    },
  };
}

function modelled(reader: FieldReader, namespace: string, claim: OperatorClaim) {
  return {
    namespace,
    name: claim.name,
    source: reader,
    field: claim.field,
    subject: claim.field,
    storageClass: claim.storageClass,
    classField: claim.classField,
    size: claim.size,
    why: `${claim.field} gives PVC ${claim.name}`,
  };
}

function classWords(choice: ClassChoice): string {
  switch (choice.how) {
    case 'spec':
      return `class ${choice.name}`;
    case 'default':
      return `no class named: the default ${choice.name}`;
    case 'none':
      return 'class "" (static volumes only)';
    case 'unknown':
      return 'no class named and no default class in the inventory';
    case 'unresolved':
      return 'a class named by an unresolved variable';
  }
}

/**
 * The operator has acted on this resource when the inventory holds something it owns, a PVC
 * with its cluster label, or a PVC with a name it would give.
 */
function realised(
  index: ObjectIndex,
  reader: FieldReader,
  model: OperatorModel,
  claims: OperatorClaim[],
): boolean {
  const namespace = reader.object.metadata.namespace ?? '';
  const name = reader.object.metadata.name ?? '';
  if (ownersOf(index).has(nodeId(model.group, model.kind, namespace, name))) return true;
  for (const pvc of index.inNamespace('', 'PersistentVolumeClaim', namespace)) {
    if (model.clusterLabel && pvc.object.metadata.labels?.[model.clusterLabel] === name) return true;
  }
  return claims.some((c) => index.has(nodeId('', 'PersistentVolumeClaim', namespace, c.name)));
}

const owners = new WeakMap<ObjectIndex, Set<string>>();

/** Every owner named by an ownerReference, as a node id (namespaced to the owned object). */
function ownersOf(index: ObjectIndex): Set<string> {
  const cached = owners.get(index);
  if (cached) return cached;
  const found = new Set<string>();
  for (const reader of index.all()) {
    const namespace = reader.object.metadata.namespace;
    for (const i of reader.indexes('metadata.ownerReferences')) {
      const at = `metadata.ownerReferences[${i}]`;
      const kind = reader.string(`${at}.kind`);
      const name = reader.string(`${at}.name`);
      if (kind && name)
        found.add(nodeId(groupOf(reader.string(`${at}.apiVersion`) ?? ''), kind, namespace, name));
    }
  }
  owners.set(index, found);
  return found;
}
