import type { Analysis } from '../analysis/model.ts';
import { TIERS, type Tier } from '../analysis/tiers/model.ts';
import { parseId, qualifiedName } from '../graph/ids.ts';
import type { GraphNode } from '../graph/model.ts';

/**
 * What the guard's command table asks of the inventory, as plain data: each section the rows
 * one kind of question reads, in the graph's order (a lookup takes the first match, as a scan
 * of the graph did). Made from an analysis once; the guard's lookups (inventory.ts) read only
 * this, so the table saved by `inventory` (guard-context.json) answers exactly as the analysis
 * it was made from would. Each section is read on its own: a command naming an OSD never
 * parses the cluster's claims.
 */
export interface GuardInventoryTable {
  /** OSDs not missing. */
  osds: OsdRow[];
  /** Every disk node: `on` is the node it sits on when that is recorded as a string. */
  disks: { on: string | null; match: DiskMatch }[];
  /** Ceph pools not missing (block and filesystem pools). */
  pools: PoolRow[];
  /** Names of the Kubernetes nodes the graph holds (missing ones too: they are known names). */
  nodes: string[];
  /** Claims not missing, with the reclaim policy of the volume each is bound to. */
  claims: { namespace: string; name: string; reclaimPolicy: string | null }[];
  /** Every PersistentVolume, with the claim bound to it. */
  volumes: VolumeRow[];
  /** Every workload of the analysis, in its order. */
  workloads: WorkloadRow[];
}

/** The sections of a table, each made (or parsed) when first read. */
export type LazyInventoryTable = { readonly [K in keyof GuardInventoryTable]: () => GuardInventoryTable[K] };

export interface DiskMatch {
  /** The blast target: `device/k8s-2/dev/sdc`. */
  target: string;
  node: string;
  path: string;
  volatile: boolean;
  /** The OSDs on it: `osd.3`. */
  osds: string[];
  /** Where the disk was configured: `CephCluster rook-ceph/rook-ceph spec.storage…name`. */
  configured: string | null;
}

export interface WorkloadMatch {
  target: string;
  tier: Tier;
  kind: string;
  claims: string[];
}

export interface OsdRow {
  namespace: string;
  name: string;
  node: string | null;
  disks: DiskMatch[];
}

export interface PoolRow {
  kind: 'CephBlockPool' | 'CephFilesystemPool';
  namespace: string;
  name: string;
  /**
   * `attrs.poolName` as recorded (null when absent: a block pool then goes by its name); a
   * value that is not a string is kept, so it matches no name, as it did not in the graph.
   */
  poolName: unknown;
  filesystem: string | null;
  size: number | null;
  minSize: number | null;
}

export interface VolumeRow {
  name: string;
  missing: boolean;
  /** `pvc/ns/name` of the first claim bound to it, or null. */
  claim: string | null;
  reclaimPolicy: string | null;
  /** Its RBD image name (`csi-vol-…`) when recorded. */
  image: string | null;
}

export interface WorkloadRow {
  namespace: string;
  name: string;
  match: WorkloadMatch;
}

const CEPH = 'ceph.rook.io';
const NODE_ID = 'core/Node//';

/** The table of an analysis: every row the guard's lookups can read. */
export function guardInventoryTable(analysis: Analysis): GuardInventoryTable {
  const { index } = analysis;
  const nodes = index.graph.nodes;
  const text = (v: unknown) => (typeof v === 'string' ? v : null);
  const count = (v: unknown) => (typeof v === 'number' ? v : null);
  const claimOf = (node: GraphNode | undefined) => (node ? `pvc/${node.namespace}/${node.name}` : null);
  const boundClaim = (pv: GraphNode) =>
    claimOf(index.in(pv.id, 'bound-to').map((e) => index.node(e.from))[0]);

  const diskMatch = (disk: GraphNode): DiskMatch => {
    const path = String(disk.attrs.path ?? '');
    const node = String(disk.attrs.node ?? '');
    const configuredIn = disk.attrs.configuredIn;
    return {
      target: `device/${node}${path.startsWith('/') ? '' : '/'}${path}`,
      node,
      path,
      volatile: disk.attrs.volatileName === true,
      osds: index
        .in(disk.id, 'on-device')
        .map((e) => `osd.${index.node(e.from)?.name ?? '?'}`)
        .sort(),
      configured:
        typeof configuredIn === 'string'
          ? `${parseId(configuredIn).kind} ${qualifiedName(configuredIn)} field ${String(disk.attrs.configuredField ?? '')}`
          : null,
    };
  };

  const table: GuardInventoryTable = {
    osds: [],
    disks: [],
    pools: [],
    nodes: [],
    claims: [],
    volumes: [],
    workloads: [],
  };
  for (const n of nodes) {
    // What `hasNode` asks: is there a node of this id.
    if (n.id.startsWith(NODE_ID)) table.nodes.push(n.id.slice(NODE_ID.length));
    if (n.group === CEPH && n.kind === 'OSD' && !n.missing)
      table.osds.push({
        namespace: n.namespace,
        name: n.name,
        node: text(n.attrs.node),
        disks: index
          .out(n.id, 'on-device')
          .map((e) => index.node(e.to))
          .filter((d): d is GraphNode => d !== undefined)
          .map(diskMatch),
      });
    else if (n.group === 'tierbook.io' && n.kind === 'Disk')
      table.disks.push({ on: text(n.attrs.node), match: diskMatch(n) });
    else if (
      n.group === CEPH &&
      (n.kind === 'CephBlockPool' || n.kind === 'CephFilesystemPool') &&
      !n.missing
    )
      table.pools.push({
        kind: n.kind,
        namespace: n.namespace,
        name: n.name,
        poolName: n.attrs.poolName ?? null,
        filesystem: text(n.attrs.filesystem),
        size: count(n.attrs.size),
        minSize: count(n.attrs.minSize),
      });
    else if (n.group === '' && n.kind === 'PersistentVolumeClaim' && !n.missing) {
      const pv = index.out(n.id, 'bound-to').map((e) => index.node(e.to))[0];
      table.claims.push({
        namespace: n.namespace,
        name: n.name,
        reclaimPolicy: text(pv?.attrs.reclaimPolicy),
      });
    } else if (n.group === '' && n.kind === 'PersistentVolume')
      table.volumes.push({
        name: n.name,
        missing: n.missing === true,
        claim: boundClaim(n),
        reclaimPolicy: text(n.attrs.reclaimPolicy),
        image: text(n.attrs.image),
      });
  }
  for (const w of analysis.workloads) {
    const mounted = w.members.flatMap((m) => index.out(m, 'mounts').map((e) => e.to));
    const owned = w.members.filter((m) => m.startsWith('core/PersistentVolumeClaim/'));
    table.workloads.push({
      namespace: w.node.namespace,
      name: w.node.name,
      match: {
        target: `workload/${w.node.namespace}/${w.node.kind}/${w.node.name}`,
        tier: (analysis.tiers.get(w.id)?.tier ?? TIERS[0]) as Tier,
        kind: w.node.kind,
        claims: [
          ...new Set([...owned, ...mounted.filter((m) => m.startsWith('core/PersistentVolumeClaim/'))]),
        ]
          .map((c) => index.node(c))
          .filter((c): c is GraphNode => c !== undefined && !c.missing)
          .map((c) => `pvc/${c.namespace}/${c.name}`)
          .sort(),
      },
    });
  }
  return table;
}

/** An OSD's blast target: `osd/3`, or `osd/rook-ceph/3` when OSDs of several clusters are read. */
export function osdTarget(osd: Pick<OsdRow, 'namespace' | 'name'>, qualify: boolean): string {
  return qualify ? `osd/${osd.namespace}/${osd.name}` : `osd/${osd.name}`;
}
