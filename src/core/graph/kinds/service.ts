import type { FieldReader } from '../../fields.ts';
import { coreKind } from '../../sources/resource-type.ts';
import { idOf } from '../object-index.ts';
import { linkServiceReferences } from '../service-refs.ts';
import type { KindExtractor } from './extractor.ts';

/** Controllers whose pod template a Service selects even when no Pod runs (scaled to zero, manifests). */
const TEMPLATED = [
  ['apps', 'Deployment'],
  ['apps', 'StatefulSet'],
  ['apps', 'DaemonSet'],
] as const;

export function matchesSelector(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const keys = Object.keys(selector);
  // An empty selector selects nothing for a Service (its Endpoints are managed by hand).
  return keys.length > 0 && keys.every((key) => labels[key] === selector[key]);
}

export const service: KindExtractor = {
  group: '',
  kind: 'Service',
  reads: [coreKind('Service', 'services')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    const selector = reader.stringMap('spec.selector');
    ctx.setAttrs(id, { type: reader.string('spec.type') ?? 'ClusterIP' });
    const externalName = reader.string('spec.externalName');
    if (externalName)
      linkServiceReferences(ctx, reader, id, namespace, externalName, 'spec.externalName', 'externalName');
    if (Object.keys(selector).length === 0) return;
    const why = `selector ${Object.entries(selector)
      .map(([k, v]) => `${k}=${v}`)
      .join(',')}`;
    for (const pod of ctx.index.inNamespace('', 'Pod', namespace)) {
      if (matchesSelector(selector, pod.stringMap('metadata.labels'))) {
        ctx.edge({
          from: id,
          to: idOf(pod),
          type: 'selects',
          source: reader,
          field: 'spec.selector',
          why: `${why} matches the pod`,
        });
      }
    }
    for (const [group, kind] of TEMPLATED) {
      for (const workload of ctx.index.inNamespace(group, kind, namespace)) {
        if (isOwned(workload)) continue;
        if (matchesSelector(selector, workload.stringMap('spec.template.metadata.labels'))) {
          ctx.edge({
            from: id,
            to: idOf(workload),
            type: 'selects',
            source: reader,
            field: 'spec.selector',
            why: `${why} matches the pod template`,
          });
        }
      }
    }
  },
};

function isOwned(reader: FieldReader): boolean {
  return reader.array('metadata.ownerReferences').length > 0;
}
