import type { FieldReader } from '../../fields.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';
import { kubernetesNodes, type Placement, pinnedNodes, type VolumeView } from './placement.ts';

/** Provisioners whose volumes are directories or disks of one node: they live and die with it. */
export const NODE_LOCAL_PROVISIONERS: ReadonlySet<string> = new Set([
  'rancher.io/local-path',
  'openebs.io/local',
  'kubernetes.io/no-provisioner',
  'local.csi.openebs.io',
  'zfs.csi.openebs.io',
  'topolvm.io',
  'lvm.csi.metal-stack.io',
  'hostpath.csi.k8s.io',
]);

const SELECTED_NODE_ANNOTATIONS = [
  'local.path.provisioner/selected-node',
  'volume.kubernetes.io/selected-node',
];

/**
 * Node-local storage: local-path, hostPath and `local` PVs, OpenEBS local and LVM CSI drivers.
 * The node comes from the PV's required node affinity (already an edge) or, for provisioners
 * that only annotate, the selected-node annotation.
 */
export const local: StorageBackend = {
  name: 'local',
  // Only core kinds: the PersistentVolume and its StorageClass.
  reads: [],
  extract(ctx) {
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass')) {
      if (NODE_LOCAL_PROVISIONERS.has(sc.string('provisioner') ?? ''))
        markBackend(ctx, idOf(sc), 'node-local');
    }
    for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
      const kind = localKind(pv);
      if (!kind) continue;
      const id = idOf(pv);
      markBackend(ctx, id, 'node-local');
      ctx.setAttrs(id, {
        localPath: pv.string('spec.local.path') ?? pv.string('spec.hostPath.path') ?? null,
        localKind: kind,
      });
      const annotations = pv.stringMap('metadata.annotations');
      for (const key of SELECTED_NODE_ANNOTATIONS) {
        const selected = annotations[key];
        if (!selected) continue;
        const node = nodeId('', 'Node', undefined, selected);
        ctx.node(node, { missing: !ctx.index.has(node), apiVersion: 'v1' });
        ctx.edge({
          from: id,
          to: node,
          type: 'pinned-to',
          source: pv,
          field: `metadata.annotations.${key}`,
          why: `its data is a directory on node ${selected}`,
        });
        break;
      }
    }
  },
  placement: localPlacement,
};

const WORDS = 'a node-local volume';

/**
 * One copy, on the node the PV names. A PV that names no node (not read, not yet bound, no
 * annotation) may be on any node: the worst case is the lost one.
 */
function localPlacement(volume: VolumeView): Placement | null {
  if (volume.backend !== 'node-local') return null;
  const claim = `PVC ${qualifiedName(volume.claim)}`;
  const pinned = pinnedNodes(volume);
  if (pinned.length === 1) return oneCopy(pinned, true, []);
  if (pinned.length > 1)
    return oneCopy(pinned, false, [
      `${claim}: its PV may be on any of nodes ${pinned.map(qualifiedName).join(', ')}; assumed on whichever is lost (worst case)`,
    ]);
  return oneCopy(kubernetesNodes(volume.index), false, [
    `${claim}: ${WORDS} whose node is not recorded (no PV with node affinity or a selected-node annotation read); assumed on any lost node (worst case)`,
  ]);
}

/** One copy on one of `nodes` (known: the only one). */
function oneCopy(nodes: string[], known: boolean, assumptions: string[]): Placement {
  return { type: 'nodes', words: WORDS, unit: 'copy', copies: 1, nodes, known, assumptions };
}

function localKind(pv: FieldReader): string | undefined {
  if (pv.record('spec.local')) return 'local';
  if (pv.record('spec.hostPath')) return 'hostPath';
  const driver = pv.string('spec.csi.driver');
  return driver && NODE_LOCAL_PROVISIONERS.has(driver) ? driver : undefined;
}
