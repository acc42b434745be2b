import type { FieldReader } from '../../fields.ts';
import { coreKind } from '../../sources/resource-type.ts';
import { isUnresolvedName } from '../../unresolved-name.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { driverId } from './storage-class.ts';

/**
 * Node-affinity keys whose value is a node's name: the well-known hostname label and the
 * topology keys node-local CSI drivers publish (TopoLVM, OpenEBS LVM/ZFS LocalPV, csi-driver-host-path).
 */
const NODE_KEYS = new Set([
  'kubernetes.io/hostname',
  'topology.topolvm.io/node',
  'topology.topolvm.cybozu.com/node',
  'openebs.io/nodename',
  'topology.hostpath.csi/node',
]);
const ZONE_KEYS = new Set(['topology.kubernetes.io/zone', 'failure-domain.beta.kubernetes.io/zone']);

export const persistentVolume: KindExtractor = {
  group: '',
  kind: 'PersistentVolume',
  reads: [coreKind('PersistentVolume', 'persistentvolumes')],
  extract(ctx, reader) {
    const id = idOf(reader);
    ctx.setAttrs(id, {
      capacity: reader.string('spec.capacity.storage') ?? null,
      reclaimPolicy: reader.string('spec.persistentVolumeReclaimPolicy') ?? 'Retain',
      phase: reader.string('status.phase') ?? null,
      volumeMode: reader.string('spec.volumeMode') ?? 'Filesystem',
    });
    linkClaimRef(ctx, reader, id);
    const className = reader.string('spec.storageClassName');
    // A Flux variable nothing substituted names no class: the PV's class is unknown.
    if (className && !isUnresolvedName(className)) {
      const to = nodeId('storage.k8s.io', 'StorageClass', undefined, className);
      if (!ctx.index.has(to)) ctx.node(to, { missing: true, apiVersion: 'storage.k8s.io/v1' });
      ctx.edge({
        from: id,
        to,
        type: 'uses-class',
        source: reader,
        field: 'spec.storageClassName',
        why: `of StorageClass ${className}`,
      });
    }
    const driver = reader.string('spec.csi.driver');
    if (driver) {
      ctx.node(driverId(driver), { derived: !ctx.index.has(driverId(driver)) });
      ctx.edge({
        from: id,
        to: driverId(driver),
        type: 'uses-driver',
        source: reader,
        field: 'spec.csi.driver',
        why: `a volume of CSI driver ${driver}`,
      });
      ctx.setAttrs(id, { volumeHandle: reader.string('spec.csi.volumeHandle') ?? null });
    }
    linkNodeAffinity(ctx, reader, id);
  },
};

/** The PV's side of the binding: `claimRef` names the PVC, and its uid must be that PVC's. */
function linkClaimRef(ctx: BuildContext, reader: FieldReader, id: string): void {
  const name = reader.string('spec.claimRef.name');
  if (!name) return;
  const namespace = reader.string('spec.claimRef.namespace') ?? '';
  const claim = nodeId('', 'PersistentVolumeClaim', namespace, name);
  const target = ctx.index.get(claim);
  if (!target) {
    // A Released PV keeps the claimRef of its deleted claim: worth reporting, not an edge.
    ctx.dangling(
      reader,
      'spec.claimRef',
      `claimed by PVC ${namespace}/${name}, which is not in the inventory`,
    );
    return;
  }
  const uid = reader.string('spec.claimRef.uid');
  const claimUid = target.object.metadata.uid;
  if (uid && claimUid && uid !== claimUid) {
    ctx.dangling(
      reader,
      'spec.claimRef.uid',
      `claimRef uid ${uid} is not PVC ${namespace}/${name}'s uid ${claimUid} (stale)`,
    );
    return;
  }
  const volumeName = target.string('spec.volumeName');
  if (volumeName && volumeName !== reader.object.metadata.name) {
    ctx.dangling(
      reader,
      'spec.claimRef',
      `claimed by PVC ${namespace}/${name}, which is bound to PV ${volumeName}`,
    );
    return;
  }
  ctx.edge({
    from: claim,
    to: id,
    type: 'bound-to',
    source: reader,
    field: 'spec.claimRef',
    why: `PV claimed by PVC ${namespace}/${name}`,
  });
}

/** Required node affinity pins a volume to a node (local volumes) or a zone (cloud disks). */
function linkNodeAffinity(ctx: BuildContext, reader: FieldReader, id: string): void {
  const terms = 'spec.nodeAffinity.required.nodeSelectorTerms';
  for (const t of reader.indexes(terms)) {
    for (const e of reader.indexes(`${terms}[${t}].matchExpressions`)) {
      const at = `${terms}[${t}].matchExpressions[${e}]`;
      const key = reader.string(`${at}.key`) ?? '';
      if (reader.string(`${at}.operator`) !== 'In') continue;
      const values = reader.strings(`${at}.values`);
      // Any other key whose every value names a Node read is a node topology too (a vendor
      // driver's `<driver>/node`): the volume is node-local until known otherwise.
      const names = (v: string) => ctx.index.has(nodeId('', 'Node', undefined, v));
      const nodeKey = NODE_KEYS.has(key) || (!ZONE_KEYS.has(key) && values.length > 0 && values.every(names));
      for (const value of values) {
        if (nodeKey) {
          const node = nodeId('', 'Node', undefined, value);
          ctx.node(node, { missing: !ctx.index.has(node), apiVersion: 'v1' });
          ctx.edge({
            from: id,
            to: node,
            type: 'pinned-to',
            source: reader,
            field: at,
            why: `node affinity pins it to node ${value}`,
          });
        } else if (ZONE_KEYS.has(key)) {
          const zone = nodeId('tierbook.io', 'Zone', undefined, value);
          ctx.node(zone, { derived: true });
          ctx.edge({
            from: id,
            to: zone,
            type: 'pinned-to',
            source: reader,
            field: at,
            why: `node affinity pins it to zone ${value}`,
          });
        }
      }
    }
  }
}
