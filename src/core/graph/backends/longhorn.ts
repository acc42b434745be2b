import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { GraphIndex } from '../graph-index.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';
import { longhornNodeFacts, longhornNodes } from './longhorn-nodes.ts';
import { kubernetesNodes, type Placement, type VolumeView } from './placement.ts';

const DRIVER = 'driver.longhorn.io';
const LONGHORN = 'longhorn.io';

/**
 * Longhorn keeps `numberOfReplicas` copies of each volume on different nodes. Its Volume CR is
 * named after the PV's volumeHandle; Replica CRs (when read) say which node holds each copy,
 * and so do its Node CRs' `status.diskStatus.*.scheduledReplica`; Node CRs also say which
 * nodes may take replicas at all.
 */
export const longhorn: StorageBackend = {
  name: 'longhorn',
  reads: [
    groupKind('longhorn.io', 'Volume', 'volumes'),
    groupKind('longhorn.io', 'Replica', 'replicas'),
    // Which nodes may hold replicas (spec.allowScheduling, disks) and which hold them (status).
    groupKind('longhorn.io', 'Node', 'nodes'),
  ],
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
        replicaSoftAntiAffinity: volume?.string('spec.replicaSoftAntiAffinity'),
      });
    }
    const linkReplica = (
      volumeName: string,
      node: string,
      source: FieldReader,
      field: string,
      name: string,
    ) => {
      const pv = pvByHandle.get(volumeName);
      if (!pv || !node) return;
      const nodeRef = nodeId('', 'Node', undefined, node);
      ctx.node(nodeRef, { missing: !ctx.index.has(nodeRef), apiVersion: 'v1' });
      ctx.edge({
        from: pv,
        to: nodeRef,
        type: 'replica-on',
        source,
        field,
        why: `Longhorn replica ${name} is on node ${node}`,
      });
    };
    // A failed replica (spec.failedAt set) is no copy to count on while a healthy one exists
    // (with none, the failed ones are all that may be salvaged). Replica objects say so; the
    // Node objects' replica lists do not, so those serve only volumes without Replica objects.
    const replicasOf = new Map<string, FieldReader[]>();
    for (const replica of ctx.index.ofKind(LONGHORN, 'Replica')) {
      const volumeName = replica.string('spec.volumeName') ?? '';
      replicasOf.set(volumeName, [...(replicasOf.get(volumeName) ?? []), replica]);
    }
    for (const [volumeName, replicas] of replicasOf) {
      const healthy = replicas.filter((r) => !r.string('spec.failedAt'));
      for (const replica of healthy.length > 0 ? healthy : replicas) {
        const name = replica.object.metadata.name ?? '';
        linkReplica(volumeName, replica.string('spec.nodeID') ?? '', replica, 'spec.nodeID', name);
      }
    }
    for (const node of ctx.index.ofKind(LONGHORN, 'Node')) {
      const facts = longhornNodeFacts(node);
      ctx.setAttrs(idOf(node), { schedulable: facts.schedulable, disks: facts.disks });
      for (const [disk, replicas] of facts.scheduledReplicas) {
        for (const name of replicas) {
          // Replica names are `<volume>-r-<8 hex>`.
          const volumeName = name.replace(/-r-[0-9a-f]+$/, '');
          if (replicasOf.has(volumeName)) continue;
          linkReplica(
            volumeName,
            node.object.metadata.name ?? '',
            node,
            `status.diskStatus.${disk}.scheduledReplica`,
            name,
          );
        }
      }
    }
  },
  placement: longhornPlacement,
};

const WORDS = 'a Longhorn volume';

/**
 * Known placement: the nodes its replicas are on. Unknown: Longhorn's default hard
 * anti-affinity puts replicas on distinct nodes among those it may schedule to, so they
 * occupy at least min(replicas, schedulable nodes) of them; fewer schedulable nodes than
 * replicas means every replica may be on the lost ones.
 */
function longhornPlacement(volume: VolumeView): Placement | null {
  if (volume.backend !== 'longhorn') return null;
  const { index, pv, storageClass } = volume;
  const claim = `PVC ${qualifiedName(volume.claim)}`;
  const replicaNodes = pv
    ? [...new Set(index.out(pv.id, 'replica-on').map((e) => e.to))]
        .filter((id) => index.node(id)?.kind === 'Node')
        .sort()
    : [];
  const base = { type: 'nodes', words: WORDS, unit: 'replica' } as const;
  if (replicaNodes.length > 0)
    return { ...base, copies: replicaNodes.length, nodes: replicaNodes, known: true, assumptions: [] };
  const replicasAttr = pv?.attrs.replicas ?? storageClass?.attrs.replicas;
  const replicas = typeof replicasAttr === 'number' && replicasAttr > 0 ? replicasAttr : 3;
  const soft = pv?.attrs.replicaSoftAntiAffinity === 'enabled';
  const { nodes, span, notRead } = candidates(index);
  const copies = Math.max(1, Math.min(replicas, soft ? 1 : span));
  const among = nodes.map(qualifiedName).join(', ') || 'no node';
  const spread = soft
    ? 'its replica soft anti-affinity is enabled, so they may all share one node'
    : copies < replicas
      ? `Longhorn can schedule replicas on only ${span} node${span === 1 ? '' : 's'}, so they sit on at most ${copies}`
      : "Longhorn's default hard anti-affinity puts them on distinct nodes";
  return {
    ...base,
    copies,
    nodes,
    known: false,
    assumptions: [
      `${claim}: Longhorn replica placement not read (no Replica objects or Node replica lists); ${replicas} replica${replicas === 1 ? '' : 's'}: ${spread}; assumed on the lost nodes among ${among} (worst case)`,
      ...(notRead ? [notRead] : []),
    ],
  };
}

/**
 * The nodes a replica may be on (any Longhorn node with a disk, schedulable or not: a node
 * that stopped taking replicas keeps the ones it has) and how many distinct nodes replicas
 * can be spread over (the schedulable ones). Without Longhorn Node objects, the Kubernetes
 * nodes bound both.
 */
function candidates(index: GraphIndex): { nodes: string[]; span: number; notRead: string | null } {
  const known = longhornNodes(index);
  if (known.length === 0) {
    const nodes = kubernetesNodes(index);
    return {
      nodes,
      span: nodes.length,
      notRead: `Longhorn Node objects not read: ${nodes.length === 1 ? 'the one Kubernetes node is' : `each of the ${nodes.length} Kubernetes nodes is`} taken as one Longhorn can schedule replicas on`,
    };
  }
  const withDisks = known.filter((n) => n.disks > 0).map((n) => n.node);
  return {
    nodes: withDisks.length > 0 ? withDisks : kubernetesNodes(index),
    span: known.filter((n) => n.schedulable).length,
    notRead: null,
  };
}
