import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';

const DRIVER = 'driver.longhorn.io';
const LONGHORN = 'longhorn.io';

/**
 * Longhorn keeps `numberOfReplicas` copies of each volume on different nodes. Its Volume CR is
 * named after the PV's volumeHandle; Replica CRs (when read) say which node holds each copy.
 */
export const longhorn: StorageBackend = {
  name: 'longhorn',
  extract(ctx) {
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass')) {
      if (sc.string('provisioner') !== DRIVER) continue;
      markBackend(ctx, idOf(sc), 'longhorn');
      ctx.setAttrs(idOf(sc), { replicas: sc.number('parameters.numberOfReplicas') ?? 3 });
    }
    const pvByHandle = new Map<string, string>();
    for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
      if (pv.string('spec.csi.driver') !== DRIVER) continue;
      const id = idOf(pv);
      markBackend(ctx, id, 'longhorn');
      const handle = pv.string('spec.csi.volumeHandle') ?? '';
      pvByHandle.set(handle, id);
      const volume = ctx.index.get(nodeId(LONGHORN, 'Volume', 'longhorn-system', handle));
      const replicas =
        volume?.number('spec.numberOfReplicas') ??
        pv.number('spec.csi.volumeAttributes.numberOfReplicas') ??
        3;
      ctx.setAttrs(id, {
        replicas,
        longhornVolume: handle,
        robustness: volume?.string('status.robustness') ?? null,
      });
    }
    for (const replica of ctx.index.ofKind(LONGHORN, 'Replica')) {
      const pv = pvByHandle.get(replica.string('spec.volumeName') ?? '');
      const node = replica.string('spec.nodeID');
      if (!pv || !node) continue;
      const nodeRef = nodeId('', 'Node', undefined, node);
      ctx.node(nodeRef, { missing: !ctx.index.has(nodeRef), apiVersion: 'v1' });
      ctx.edge({
        from: pv,
        to: nodeRef,
        type: 'replica-on',
        source: replica,
        field: 'spec.nodeID',
        why: `Longhorn replica ${replica.object.metadata.name} is on node ${node}`,
      });
    }
  },
};
