import { parseId, qualifiedName } from '../../graph/ids.ts';
import type { BlastContext } from './context.ts';
import type { Target } from './model.ts';

/** What a target takes with it, each lost thing with the reason it is lost. */
export interface Losses {
  /** OSD id → where it is lost ("on node k8s-2", "on /dev/sdc"); empty when it is the target. */
  osds: Map<string, string>;
  nodes: Map<string, string>;
  disks: Map<string, string>;
  pools: Map<string, string>;
  claims: Map<string, string>;
  /** Workloads down with their data intact (a workload target). */
  workloads: Map<string, string>;
  assumptions: string[];
}

export function lossesOf(context: BlastContext, targets: readonly Target[]): Losses {
  const losses: Losses = {
    osds: new Map(),
    nodes: new Map(),
    disks: new Map(),
    pools: new Map(),
    claims: new Map(),
    workloads: new Map(),
    assumptions: [],
  };
  // In a fixed order, so the why lines do not depend on the order the targets were typed in.
  const ordered = [...targets].sort((a, b) => (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  for (const target of ordered) {
    for (const id of target.nodes) TAKERS[target.type](context, id, losses, target.text);
  }
  return losses;
}

type Taker = (context: BlastContext, id: string, losses: Losses, text: string) => void;

const TAKERS: Record<Target['type'], Taker> = {
  osd: (_context, id, losses) => losses.osds.set(id, ''),
  device: (context, id, losses, text) => {
    losses.disks.set(id, `${text} is the target`);
    for (const [osd, why] of osdsOnDisk(context, id, losses)) losses.osds.set(osd, why);
  },
  node: ({ index }, id, losses, text) => {
    losses.nodes.set(id, `${text} is the target`);
    const name = qualifiedName(id);
    for (const e of index.in(id, 'runs-on')) losses.osds.set(e.from, `on node ${name}`);
    for (const e of index.in(id, 'in-node')) losses.disks.set(e.from, `a disk in node ${name}`);
  },
  pool: (_context, id, losses, text) => losses.pools.set(id, `${text} is the target`),
  storageclass: (context, id, losses, text) => {
    const { index, claims } = context;
    // A claim whose class is an unresolved variable may be of this class: the worst case.
    for (const [claim, storage] of claims) {
      if (!storage.unknownPlacement) continue;
      const name = `PVC ${qualifiedName(claim)}`;
      losses.claims.set(claim, `${name} may be provisioned through ${text}: its class is unknown`);
      losses.assumptions.push(
        `${name}: ${storage.unknownPlacement}; assumed worst case: provisioned through ${text}`,
      );
    }
    for (const e of index.in(id, 'uses-class')) {
      const user = index.node(e.from);
      // Claims name their class; a PV names it too when its claim does not (static or defaulted).
      if (user?.kind === 'PersistentVolumeClaim') {
        losses.claims.set(e.from, `PVC ${qualifiedName(e.from)} is provisioned through ${text}`);
      } else if (user?.kind === 'PersistentVolume') {
        for (const bound of index.in(e.from, 'bound-to'))
          losses.claims.set(bound.from, `PVC ${qualifiedName(bound.from)} is provisioned through ${text}`);
      }
    }
    const unknown = unknownClassClaims(context);
    for (const claim of unknown)
      losses.claims.set(claim, `PVC ${qualifiedName(claim)} may be provisioned through ${text}`);
    if (unknown.length > 0) {
      losses.assumptions.push(
        `${unknown.length === 1 ? 'PVC' : 'PVCs'} ${unknown.map(qualifiedName).join(', ')} name no StorageClass and the inventory shows no default class: assumed provisioned through ${text} (worst case)`,
      );
    }
  },
  pvc: (_context, id, losses, text) => losses.claims.set(id, `${text} is the target`),
  workload: (_context, id, losses, text) => losses.workloads.set(id, `${text} is the target`),
};

/**
 * Modelled claims (from a spec, not read) whose class is unset while the inventory shows no
 * default class: the cluster's default, whichever it is, places them.
 */
function unknownClassClaims(context: BlastContext): string[] {
  return [...context.claims.values()]
    .filter((c) => c.storageClass === null && c.pv === null)
    .map((c) => c.claim)
    .filter((claim) => context.index.node(claim)?.attrs.classFrom === 'unknown')
    .sort();
}

export function osdLabel(id: string): string {
  return `osd.${qualifiedName(id).split('/').pop()}`;
}

/**
 * The OSDs storing data on a disk. Raw-mode OSDs name the disk, though not always by the name
 * the CephCluster uses (`/dev/sdb` for `/dev/disk/by-id/…`); LVM-mode OSDs name a logical
 * volume (`/dev/ceph-…/osd-block-…`). So a configured disk that no OSD names is matched to the
 * node's OSDs whose device no configured disk accounts for: one each is certain enough,
 * several is the worst case, said in the assumptions.
 */
function osdsOnDisk(context: BlastContext, disk: string, losses: Losses): [string, string][] {
  const { index } = context;
  const diskNode = index.node(disk);
  const path = String(diskNode?.attrs.path ?? disk);
  const direct = index.in(disk, 'on-device').map((e): [string, string] => [e.from, `on ${path}`]);
  if (direct.length > 0) return direct;
  const host = String(diskNode?.attrs.node ?? '');
  const hostDisks = index.graph.nodes.filter(
    (n) => n.group === 'tierbook.io' && n.kind === 'Disk' && n.attrs.node === host,
  );
  const unclaimedDisks = hostDisks.filter(
    (d) => d.attrs.configuredIn && index.in(d.id, 'on-device').length === 0,
  );
  const unaccounted = hostDisks
    .filter((d) => !d.attrs.configuredIn)
    .flatMap((d) =>
      index
        .in(d.id, 'on-device')
        .map((e): [string, string] => [
          e.from,
          d.attrs.lvm === true
            ? `an LVM volume assumed on ${path}`
            : `${String(d.attrs.path)} assumed to be ${path}`,
        ]),
    );
  if (unaccounted.length === 0) {
    const cluster = diskNode?.attrs.configuredIn;
    const namespace = typeof cluster === 'string' ? parseId(cluster).namespace : null;
    const osdsRead = index.graph.nodes.some((n) => n.kind === 'OSD' && n.namespace === namespace);
    // No OSD of its cluster read: its pools say what may be on it (unplaced-pool.ts).
    losses.assumptions.push(
      namespace !== null && !osdsRead
        ? `no OSD of CephCluster ${qualifiedName(cluster as string)} was read: which OSD stores data on ${path} on ${host} is unknown`
        : `no OSD is known to store data on ${path} on ${host}; nothing in the inventory lives on it`,
    );
    return [];
  }
  const labels = unaccounted.map(([osd]) => osdLabel(osd)).join(', ');
  if (unaccounted.length > 1 || unclaimedDisks.length > 1) {
    losses.assumptions.push(
      `${path} on ${host} is not named by any OSD; ${labels} use LVM volumes or device names on ${host} that no configured disk names, so each is assumed to be on it (worst case)`,
    );
  }
  return unaccounted;
}
