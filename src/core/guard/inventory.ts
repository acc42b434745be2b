import type { Analysis } from '../analysis/model.ts';
import { TIERS, type Tier } from '../analysis/tiers/model.ts';
import { parseId, qualifiedName } from '../graph/ids.ts';
import type { GraphNode } from '../graph/model.ts';

/**
 * What the guard's command table asks of the inventory: names a command uses (an OSD id, a
 * pool, a device on a node, a claim, a namespace) turned into blast targets. Pure over the
 * analysis; built once per answer.
 */
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

export interface GuardInventory {
  osd(id: string): { target: string; node: string | null; disks: DiskMatch[] } | null;
  osdIds(): string[];
  pool(name: string): { target: string; size: number | null; minSize: number | null } | null;
  filesystemPools(name: string): string[];
  /** Every pool of the Ceph cluster in `namespace`. */
  poolsIn(namespace: string): string[];
  /** Disks of `node` the typed path names (a by-id path, a kernel name, a partition of one). */
  disks(node: string, typed: string): DiskMatch[];
  disksOn(node: string): DiskMatch[];
  hasNode(node: string): boolean;
  claim(namespace: string, name: string): string | null;
  /** The reclaim policy of the PV a claim is bound to, or null when unbound or not read. */
  claimReclaimPolicy(namespace: string, name: string): string | null;
  claimsIn(namespace: string): string[];
  workloadsIn(namespace: string): WorkloadMatch[];
  workload(namespace: string, kind: string, name: string): WorkloadMatch | null;
  /** The PV's reclaim policy and the claim bound to it. */
  volume(name: string): { claim: string | null; reclaimPolicy: string | null } | null;
  namespaces(): string[];
  /** The claim whose PV is this RBD image (`csi-vol-…`). */
  image(name: string): string | null;
}

const CEPH = 'ceph.rook.io';

export function guardInventory(analysis: Analysis): GuardInventory {
  const { index } = analysis;
  const nodes = index.graph.nodes;
  const osds = nodes.filter((n) => n.group === CEPH && n.kind === 'OSD' && !n.missing);
  const qualify = new Set(osds.map((o) => o.namespace)).size > 1;
  const disks = nodes.filter((n) => n.group === 'tierbook.io' && n.kind === 'Disk');
  const claims = nodes.filter((n) => n.group === '' && n.kind === 'PersistentVolumeClaim' && !n.missing);

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
  const workloadMatch = (id: string): WorkloadMatch | null => {
    const w = analysis.workloadById.get(id);
    if (!w) return null;
    const tier = analysis.tiers.get(id)?.tier ?? TIERS[0];
    const mounted = w.members.flatMap((m) => index.out(m, 'mounts').map((e) => e.to));
    const owned = w.members.filter((m) => m.startsWith('core/PersistentVolumeClaim/'));
    return {
      target: `workload/${w.node.namespace}/${w.node.kind}/${w.node.name}`,
      tier: tier as Tier,
      kind: w.node.kind,
      claims: [...new Set([...owned, ...mounted.filter((m) => m.startsWith('core/PersistentVolumeClaim/'))])]
        .map((c) => index.node(c))
        .filter((c): c is GraphNode => c !== undefined && !c.missing)
        .map((c) => `pvc/${c.namespace}/${c.name}`)
        .sort(),
    };
  };

  return {
    osd(id) {
      const found = osds.filter((o) => o.name === id);
      const osd = found[0];
      if (!osd || found.length > 1) return null;
      return {
        target: qualify ? `osd/${osd.namespace}/${osd.name}` : `osd/${osd.name}`,
        node: typeof osd.attrs.node === 'string' ? osd.attrs.node : null,
        disks: index
          .out(osd.id, 'on-device')
          .map((e) => index.node(e.to))
          .filter((d): d is GraphNode => d !== undefined)
          .map(diskMatch),
      };
    },
    osdIds: () => osds.map((o) => o.name),
    pool(name) {
      const pool =
        nodes.find(
          (n) =>
            n.group === CEPH &&
            n.kind === 'CephBlockPool' &&
            !n.missing &&
            (n.attrs.poolName ?? n.name) === name,
        ) ??
        nodes.find(
          (n) =>
            n.group === CEPH && n.kind === 'CephFilesystemPool' && !n.missing && n.attrs.poolName === name,
        );
      if (!pool) return null;
      const num = (v: unknown) => (typeof v === 'number' ? v : null);
      return {
        target: `pool/${pool.namespace}/${pool.name}`,
        size: num(pool.attrs.size),
        minSize: num(pool.attrs.minSize),
      };
    },
    filesystemPools: (name) =>
      nodes
        .filter(
          (n) =>
            n.group === CEPH && n.kind === 'CephFilesystemPool' && !n.missing && n.attrs.filesystem === name,
        )
        .map((n) => `pool/${n.namespace}/${n.name}`),
    poolsIn: (namespace) =>
      nodes
        .filter((n) => n.group === CEPH && (n.kind === 'CephBlockPool' || n.kind === 'CephFilesystemPool'))
        .filter((n) => !n.missing && n.namespace === namespace)
        .map((n) => `pool/${n.namespace}/${n.name}`),
    disks(node, typed) {
      const wanted = diskName(typed);
      return disks
        .filter((d) => d.attrs.node === node)
        .filter((d) => {
          const path = String(d.attrs.path ?? '');
          return (
            path === wanted || (!wanted.includes('/', 5) && path.split('/').pop() === wanted.split('/').pop())
          );
        })
        .map(diskMatch);
    },
    disksOn: (node) => disks.filter((d) => d.attrs.node === node).map(diskMatch),
    hasNode: (node) => index.node(`core/Node//${node}`) !== undefined,
    claim(namespace, name) {
      const c = claims.find((n) => n.namespace === namespace && n.name === name);
      return c ? `pvc/${namespace}/${name}` : null;
    },
    claimReclaimPolicy(namespace, name) {
      const claim = claims.find((n) => n.namespace === namespace && n.name === name);
      const pv = claim ? index.out(claim.id, 'bound-to').map((e) => index.node(e.to))[0] : undefined;
      return typeof pv?.attrs.reclaimPolicy === 'string' ? pv.attrs.reclaimPolicy : null;
    },
    claimsIn: (namespace) =>
      claims.filter((c) => c.namespace === namespace).map((c) => `pvc/${namespace}/${c.name}`),
    workloadsIn: (namespace) =>
      analysis.workloads
        .filter((w) => w.node.namespace === namespace)
        .map((w) => workloadMatch(w.id))
        .filter((w): w is WorkloadMatch => w !== null),
    workload(namespace, kind, name) {
      const w = analysis.workloads.find(
        (x) =>
          x.node.namespace === namespace &&
          x.node.name === name &&
          (x.node.kind.toLowerCase() === kind.toLowerCase() || kind === ''),
      );
      return w ? workloadMatch(w.id) : null;
    },
    volume(name) {
      const pv = nodes.find(
        (n) => n.group === '' && n.kind === 'PersistentVolume' && n.name === name && !n.missing,
      );
      if (!pv) return null;
      const claim = index.in(pv.id, 'bound-to').map((e) => index.node(e.from))[0];
      return {
        claim: claim ? `pvc/${claim.namespace}/${claim.name}` : null,
        reclaimPolicy: typeof pv.attrs.reclaimPolicy === 'string' ? pv.attrs.reclaimPolicy : null,
      };
    },
    image(name) {
      const pv = nodes.find((n) => n.group === '' && n.kind === 'PersistentVolume' && n.attrs.image === name);
      const claim = pv ? index.in(pv.id, 'bound-to').map((e) => index.node(e.from))[0] : undefined;
      return claim ? `pvc/${claim.namespace}/${claim.name}` : null;
    },
    namespaces: () => [...new Set(analysis.workloads.map((w) => w.node.namespace))].sort(),
  };
}

/** `/dev/sdc1` → `/dev/sdc`, `nvme0n1p2` → `/dev/nvme0n1`, `…by-id/ata-X-part1` → `…ata-X`. */
export function diskName(typed: string): string {
  const path = typed.startsWith('/') ? typed : `/dev/${typed.replace(/^dev\//, '')}`;
  if (path.includes('/by-id/') || path.includes('/by-path/')) return path.replace(/-part\d+$/, '');
  const nvme = /^(\/dev\/nvme\d+n\d+)p\d+$/.exec(path);
  if (nvme?.[1]) return nvme[1];
  const plain = /^(\/dev\/(?:sd|vd|xvd|hd)[a-z]+)\d+$/.exec(path);
  return plain?.[1] ?? path;
}
