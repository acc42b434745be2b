import { coreKind } from '../../sources/resource-type.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';

export const node: KindExtractor = {
  group: '',
  kind: 'Node',
  reads: [coreKind('Node', 'nodes')],
  extract(ctx, reader) {
    const labels = reader.stringMap('metadata.labels');
    let ready: boolean | null = null;
    for (const i of reader.indexes('status.conditions')) {
      if (reader.string(`status.conditions[${i}].type`) === 'Ready')
        ready = reader.string(`status.conditions[${i}].status`) === 'True';
    }
    ctx.setAttrs(idOf(reader), {
      zone: labels['topology.kubernetes.io/zone'] ?? null,
      hostname: labels['kubernetes.io/hostname'] ?? null,
      ready,
      unschedulable: reader.boolean('spec.unschedulable') ?? false,
    });
  },
};
