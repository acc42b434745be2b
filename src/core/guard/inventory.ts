import type { Analysis } from '../analysis/model.ts';
import {
  type DiskMatch,
  type GuardInventoryTable,
  guardInventoryTable,
  type LazyInventoryTable,
  osdTarget,
  type WorkloadMatch,
} from './inventory-table.ts';

export type { DiskMatch, WorkloadMatch };

/**
 * What the guard's command table asks of the inventory: names a command uses (an OSD id, a
 * pool, a device on a node, a claim, a namespace) turned into blast targets. Pure over the
 * inventory's table (inventory-table.ts); built once per answer.
 */
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

/** The guard's lookups over an analysis (its table made on the spot). */
export function guardInventory(analysis: Analysis): GuardInventory {
  const table = guardInventoryTable(analysis);
  return guardInventoryOf({
    osds: () => table.osds,
    disks: () => table.disks,
    pools: () => table.pools,
    nodes: () => table.nodes,
    claims: () => table.claims,
    volumes: () => table.volumes,
    workloads: () => table.workloads,
  });
}

/** The guard's lookups over a table whose sections are read when a lookup first needs them. */
export function guardInventoryOf(table: LazyInventoryTable): GuardInventory {
  const once = <K extends keyof GuardInventoryTable, T>(
    key: K,
    make: (rows: GuardInventoryTable[K]) => T,
  ) => {
    let made: T | undefined;
    return () => {
      made ??= make(table[key]());
      return made;
    };
  };
  const osdRows = once('osds', (osds) => ({
    osds,
    qualify: new Set(osds.map((o) => o.namespace)).size > 1,
  }));
  const nodeNames = once('nodes', (names) => new Set(names));
  const pools = (kind: 'CephBlockPool' | 'CephFilesystemPool') =>
    table.pools().filter((p) => p.kind === kind);
  const disksOf = (node: string) => table.disks().filter((d) => d.on === node);

  return {
    osd(id) {
      const { osds, qualify } = osdRows();
      const found = osds.filter((o) => o.name === id);
      const osd = found[0];
      if (!osd || found.length > 1) return null;
      return {
        target: osdTarget(osd, qualify),
        node: osd.node,
        disks: osd.disks,
      };
    },
    osdIds: () => osdRows().osds.map((o) => o.name),
    pool(name) {
      const pool =
        pools('CephBlockPool').find((p) => (p.poolName ?? p.name) === name) ??
        pools('CephFilesystemPool').find((p) => p.poolName === name);
      if (!pool) return null;
      return { target: `pool/${pool.namespace}/${pool.name}`, size: pool.size, minSize: pool.minSize };
    },
    filesystemPools: (name) =>
      table
        .pools()
        .filter((p) => p.kind === 'CephFilesystemPool' && p.filesystem === name)
        .map((p) => `pool/${p.namespace}/${p.name}`),
    poolsIn: (namespace) =>
      table
        .pools()
        .filter((p) => p.namespace === namespace)
        .map((p) => `pool/${p.namespace}/${p.name}`),
    disks(node, typed) {
      const wanted = diskName(typed);
      return disksOf(node)
        .map((d) => d.match)
        .filter(
          ({ path }) =>
            path === wanted ||
            (!wanted.includes('/', 5) && path.split('/').pop() === wanted.split('/').pop()),
        );
    },
    disksOn: (node) => disksOf(node).map((d) => d.match),
    hasNode: (node) => nodeNames().has(node),
    claim(namespace, name) {
      const c = table.claims().find((n) => n.namespace === namespace && n.name === name);
      return c ? `pvc/${namespace}/${name}` : null;
    },
    claimReclaimPolicy: (namespace, name) =>
      table.claims().find((n) => n.namespace === namespace && n.name === name)?.reclaimPolicy ?? null,
    claimsIn: (namespace) =>
      table
        .claims()
        .filter((c) => c.namespace === namespace)
        .map((c) => `pvc/${namespace}/${c.name}`),
    workloadsIn: (namespace) =>
      table
        .workloads()
        .filter((w) => w.namespace === namespace)
        .map((w) => w.match),
    workload: (namespace, kind, name) =>
      table
        .workloads()
        .find(
          (w) =>
            w.namespace === namespace &&
            w.name === name &&
            (w.match.kind.toLowerCase() === kind.toLowerCase() || kind === ''),
        )?.match ?? null,
    volume(name) {
      const pv = table.volumes().find((v) => v.name === name && !v.missing);
      return pv ? { claim: pv.claim, reclaimPolicy: pv.reclaimPolicy } : null;
    },
    image: (name) => table.volumes().find((v) => v.image === name)?.claim ?? null,
    namespaces: () => [...new Set(table.workloads().map((w) => w.namespace))].sort(),
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
