import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { markBackend, type StorageBackend } from './backend.ts';
import { CEPH, extractConfiguredDevices, extractOsds } from './ceph-osds.ts';
import { extractBlockPool, extractFilesystem, poolId } from './ceph-pools.ts';
import { type Placement, type VolumeView, volumeTargets } from './placement.ts';

const RBD = /(^|\.)rbd\.csi\.ceph\.com$/;
const CEPHFS = /(^|\.)cephfs\.csi\.ceph\.com$/;
const WORDS: Readonly<Record<string, string>> = { 'ceph-rbd': 'an RBD image', cephfs: 'a CephFS volume' };

/**
 * Rook-Ceph: StorageClass / PV → pools → CephCluster; pools → the OSDs CRUSH may place them on
 * (same cluster, same root, matching device class); OSDs → nodes and disks. ceph-csi's
 * `clusterID` is the Rook cluster's namespace.
 */
export const ceph: StorageBackend = {
  name: 'ceph',
  reads: [
    groupKind('ceph.rook.io', 'CephCluster', 'cephclusters'),
    groupKind('ceph.rook.io', 'CephBlockPool', 'cephblockpools'),
    groupKind('ceph.rook.io', 'CephFilesystem', 'cephfilesystems'),
    groupKind('ceph.rook.io', 'CephObjectStore', 'cephobjectstores'),
  ],
  extract(ctx) {
    const clusterByNamespace = new Map<string, string>();
    for (const cluster of ctx.index.ofKind(CEPH, 'CephCluster')) {
      const id = idOf(cluster);
      clusterByNamespace.set(cluster.object.metadata.namespace ?? '', id);
      ctx.setAttrs(id, {
        health: cluster.string('status.ceph.health') ?? null,
        phase: cluster.string('status.phase') ?? null,
        external: cluster.boolean('spec.external.enable') ?? false,
        dataDirHostPath: cluster.string('spec.dataDirHostPath') ?? null,
      });
      extractConfiguredDevices(ctx, cluster);
    }
    for (const pool of ctx.index.ofKind(CEPH, 'CephBlockPool')) {
      extractBlockPool(ctx, pool, clusterByNamespace.get(pool.object.metadata.namespace ?? ''));
    }
    for (const fs of ctx.index.ofKind(CEPH, 'CephFilesystem')) {
      extractFilesystem(ctx, fs, clusterByNamespace.get(fs.object.metadata.namespace ?? ''));
    }
    extractOsds(ctx, clusterByNamespace);
    placePools(ctx);
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass')) {
      const provisioner = sc.string('provisioner') ?? '';
      if (RBD.test(provisioner)) linkVolumePools(ctx, sc, 'parameters', 'ceph-rbd');
      else if (CEPHFS.test(provisioner)) linkVolumePools(ctx, sc, 'parameters', 'cephfs');
    }
    for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
      const driver = pv.string('spec.csi.driver') ?? '';
      if (RBD.test(driver)) linkVolumePools(ctx, pv, 'spec.csi.volumeAttributes', 'ceph-rbd');
      else if (CEPHFS.test(driver)) linkVolumePools(ctx, pv, 'spec.csi.volumeAttributes', 'cephfs');
    }
  },
  placement: cephPlacement,
};

/**
 * An RBD image or CephFS volume spreads over every OSD its pools may use: its placement is
 * "in these pools", and the pool arithmetic (size, min_size, failure domain) decides.
 */
function cephPlacement(volume: VolumeView): Placement | null {
  const words = WORDS[volume.backend ?? ''];
  if (!words) return null;
  const pools = volumeTargets(volume, 'stored-in');
  if (pools.length > 0) return { type: 'pools', words, pools, assumptions: [] };
  return {
    type: 'outside',
    words,
    assumptions: [
      `PVC ${qualifiedName(volume.claim)}: ${words} whose pool is not named (no pool or fsName read); no OSD or node target reaches it, only its StorageClass or the PVC itself`,
    ],
  };
}

/**
 * RBD: `pool` (and `dataPool` for erasure-coded data, whose image metadata stays in `pool`).
 * CephFS: `fsName` → its metadata pool, plus `pool` or else the default data pool.
 */
function linkVolumePools(
  ctx: BuildContext,
  reader: FieldReader,
  base: string,
  backend: 'ceph-rbd' | 'cephfs',
): void {
  const id = idOf(reader);
  markBackend(ctx, id, backend);
  const clusterId = reader.string(`${base}.clusterID`) ?? '';
  const link = (pool: string, field: string, why: string, fromFs: boolean) => {
    const to = poolId(clusterId, pool, fromFs);
    if (!ctx.hasNode(to)) {
      ctx.node(to, { missing: true });
      ctx.dangling(
        reader,
        field,
        `names Ceph pool ${pool} in cluster ${clusterId}, which is not in the inventory`,
      );
    }
    ctx.edge({ from: id, to, type: 'stored-in', source: reader, field, why });
  };
  if (backend === 'ceph-rbd') {
    const pool = reader.string(`${base}.pool`);
    const dataPool = reader.string(`${base}.dataPool`);
    if (pool) link(pool, `${base}.pool`, `RBD images in pool ${pool}`, false);
    if (dataPool) link(dataPool, `${base}.dataPool`, `RBD image data in pool ${dataPool}`, false);
    ctx.setAttrs(id, { cephCluster: clusterId, image: reader.string(`${base}.imageName`) ?? null });
    return;
  }
  const fsName = reader.string(`${base}.fsName`);
  if (!fsName) return;
  const fs = ctx.index.get(nodeId(CEPH, 'CephFilesystem', clusterId, fsName));
  const fsPools = (fs ? (ctx.node(idOf(fs)).attrs.pools as string[] | undefined) : undefined) ?? [];
  link(
    `${fsName}-metadata`,
    `${base}.fsName`,
    `CephFS ${fsName} keeps its metadata in pool ${fsName}-metadata`,
    true,
  );
  const dataPool = reader.string(`${base}.pool`);
  if (dataPool) link(dataPool, `${base}.pool`, `CephFS data in pool ${dataPool}`, true);
  else if (fsPools[1]) {
    const defaultPool = String(ctx.node(fsPools[1]).attrs.poolName);
    link(
      defaultPool,
      `${base}.fsName`,
      `CephFS ${fsName} keeps data in its default data pool ${defaultPool}`,
      true,
    );
  }
  ctx.setAttrs(id, {
    cephCluster: clusterId,
    filesystem: fsName,
    subvolume: reader.string(`${base}.subvolumeName`) ?? null,
  });
}

/**
 * CRUSH places a pool's data on OSDs under its root with its device class. Placement groups
 * are not visible through the API, so any of those OSDs may hold part of any volume.
 */
function placePools(ctx: BuildContext): void {
  const graphNodes = ctx.currentNodes();
  const osds = graphNodes.filter((n) => n.group === CEPH && n.kind === 'OSD');
  const pools = graphNodes.filter(
    (n) => n.group === CEPH && (n.kind === 'CephBlockPool' || n.kind === 'CephFilesystemPool') && !n.missing,
  );
  for (const pool of pools) {
    const deviceClass = pool.attrs.deviceClass;
    const root = pool.attrs.crushRoot ?? 'default';
    for (const osd of osds) {
      if (osd.namespace !== pool.namespace) continue;
      const location = (osd.attrs.location ?? {}) as Record<string, string>;
      if ((location.root ?? 'default') !== root) continue;
      if (deviceClass && osd.attrs.deviceClass !== deviceClass) continue;
      ctx.edge({
        from: pool.id,
        to: osd.id,
        type: 'placed-on',
        source: pool.id,
        field: deviceClass ? 'spec.deviceClass' : 'spec.crushRoot',
        why: `CRUSH may place ${pool.name} on osd.${osd.name}${deviceClass ? ` (device class ${String(deviceClass)})` : ''}`,
      });
    }
  }
}
