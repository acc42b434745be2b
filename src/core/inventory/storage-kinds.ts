import { compare } from '../graph/context.ts';
import type { GraphIndex } from '../graph/graph-index.ts';
import type { GraphNode } from '../graph/model.ts';
import type { Ref, StorageType } from './model.ts';

/** Graph node kinds that get a storage page, and the page type. */
const STORAGE_TYPES: Readonly<Record<string, StorageType>> = {
  'storage.k8s.io/StorageClass': 'storageclass',
  'ceph.rook.io/CephCluster': 'cephcluster',
  'ceph.rook.io/CephBlockPool': 'pool',
  'ceph.rook.io/CephFilesystemPool': 'pool',
  'ceph.rook.io/OSD': 'osd',
  '/Node': 'node',
  'tierbook.io/Disk': 'disk',
  'tierbook.io/NFSServer': 'nfs-server',
};

/** Related storage shown on each storage page: edge types followed out of and into the node. */
const RELATED: Readonly<Record<StorageType, { label: string; out?: string[]; in?: string[] }[]>> = {
  storageclass: [
    { label: 'pools', out: ['stored-in'] },
    { label: 'servers', out: ['served-by'] },
  ],
  cephcluster: [{ label: 'pools', in: ['part-of'] }],
  pool: [
    { label: 'cluster', out: ['part-of'] },
    { label: 'osds', out: ['placed-on'] },
    { label: 'classes', in: ['stored-in'] },
  ],
  osd: [
    { label: 'cluster', out: ['part-of'] },
    { label: 'nodes', out: ['runs-on'] },
    { label: 'disks', out: ['on-device'] },
    { label: 'pools', in: ['placed-on'] },
  ],
  node: [
    { label: 'osds', in: ['runs-on'] },
    { label: 'disks', in: ['in-node'] },
  ],
  disk: [
    { label: 'nodes', out: ['in-node'] },
    { label: 'osds', in: ['on-device'] },
  ],
  'nfs-server': [],
};

/** The storage page type of a graph node, or null if it gets none. */
export function storageTypeOf(node: GraphNode): StorageType | null {
  return STORAGE_TYPES[`${node.group}/${node.kind}`] ?? null;
}

/** Storage objects directly below or above this one (pools of a class, OSDs of a pool…). */
export function relatedStorage(
  index: GraphIndex,
  id: string,
  type: StorageType,
  title: (id: string) => string,
): Record<string, Ref[]> {
  const related: Record<string, Ref[]> = {};
  for (const rule of RELATED[type]) {
    const ids = [
      ...index
        .out(id)
        .filter((e) => rule.out?.includes(e.type))
        .map((e) => e.to),
      ...index
        .in(id)
        .filter((e) => rule.in?.includes(e.type))
        .map((e) => e.from),
    ];
    // A pool's incoming `stored-in` edges also come from every PersistentVolume in it: its
    // workloads list names those already, and a large pool has thousands (they are not classes).
    const storage = ids.filter((r) => index.node(r)?.kind !== 'PersistentVolume');
    related[rule.label] = [...new Set(storage)].sort(compare).map((r) => ({ id: r, title: title(r) }));
  }
  return related;
}
