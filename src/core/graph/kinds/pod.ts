import { coreKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { extractPodSpec } from './pod-spec.ts';

export const pod: KindExtractor = {
  group: '',
  kind: 'Pod',
  reads: [coreKind('Pod', 'pods')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const node = reader.string('spec.nodeName');
    // Only a Ready pod serves: a StatefulSet member that is not Ready keeps no instance up.
    const conditions = reader.indexes('status.conditions').map((i) => `status.conditions[${i}]`);
    const ready = conditions.find((at) => reader.string(`${at}.type`) === 'Ready');
    ctx.setAttrs(id, {
      phase: reader.string('status.phase'),
      ready: ready === undefined ? undefined : reader.string(`${ready}.status`) === 'True',
    });
    // A static pod's API object is the kubelet's mirror of a manifest on its node.
    if (reader.object.metadata.annotations?.['kubernetes.io/config.mirror'] !== undefined)
      ctx.setAttrs(id, { staticPod: true });
    if (node) {
      const nodeRef = nodeId('', 'Node', undefined, node);
      if (!ctx.index.has(nodeRef))
        ctx.dangling(reader, 'spec.nodeName', `scheduled on node ${node}, which is not in the inventory`);
      ctx.node(nodeRef, { missing: !ctx.index.has(nodeRef), apiVersion: 'v1' });
      ctx.edge({
        from: id,
        to: nodeRef,
        type: 'scheduled-on',
        source: reader,
        field: 'spec.nodeName',
        why: `runs on node ${node}`,
      });
    }
    extractPodSpec(ctx, reader, id, 'spec', { pod: reader.object.metadata.name, ...(node ? { node } : {}) });
  },
};
