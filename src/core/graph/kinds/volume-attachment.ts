import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import type { KindExtractor } from './extractor.ts';

/** Where a volume is attached right now: the node that loses access if it goes. */
export const volumeAttachment: KindExtractor = {
  group: 'storage.k8s.io',
  kind: 'VolumeAttachment',
  reads: [groupKind('storage.k8s.io', 'VolumeAttachment', 'volumeattachments')],
  extract(ctx, reader) {
    const pv = reader.string('spec.source.persistentVolumeName');
    const node = reader.string('spec.nodeName');
    if (!pv || !node) return;
    const pvId = nodeId('', 'PersistentVolume', undefined, pv);
    if (!ctx.index.has(pvId)) {
      ctx.dangling(
        reader,
        'spec.source.persistentVolumeName',
        `attaches PV ${pv}, which is not in the inventory`,
      );
      return;
    }
    const nodeRef = nodeId('', 'Node', undefined, node);
    ctx.node(nodeRef, { missing: !ctx.index.has(nodeRef), apiVersion: 'v1' });
    const attached = reader.boolean('status.attached') ?? false;
    ctx.edge({
      from: pvId,
      to: nodeRef,
      type: 'attached-to',
      source: reader,
      field: 'spec.nodeName',
      why: `${attached ? 'attached' : 'being attached'} to node ${node}`,
    });
  },
};
