import type { FieldReader } from '../../fields.ts';
import type { Json } from '../../model.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { CEPH } from './ceph-osds.ts';

/** Pool facts as Rook declares them; `minSize` is null when not set (Ceph then uses size - floor(size/2)). */
export function poolAttrs(reader: FieldReader, base: string): Record<string, Json> {
  const k = reader.number(`${base}.erasureCoded.dataChunks`);
  const m = reader.number(`${base}.erasureCoded.codingChunks`);
  const erasure = k !== undefined && m !== undefined && k > 0;
  const minSize = reader.number(`${base}.parameters.min_size`);
  return {
    type: erasure ? 'erasure' : 'replicated',
    size: erasure ? k + m : (reader.number(`${base}.replicated.size`) ?? 3),
    minSize: minSize ?? null,
    dataChunks: erasure ? k : null,
    codingChunks: erasure ? m : null,
    failureDomain: reader.string(`${base}.failureDomain`) ?? 'host',
    deviceClass: reader.string(`${base}.deviceClass`) ?? null,
    crushRoot: reader.string(`${base}.crushRoot`) ?? 'default',
  };
}

/** The id a storage class or PV uses for a pool: pools live in the CephCluster's namespace. */
export function poolId(namespace: string, pool: string, fromFilesystem: boolean): string {
  return nodeId(CEPH, fromFilesystem ? 'CephFilesystemPool' : 'CephBlockPool', namespace, pool);
}

export function extractBlockPool(ctx: BuildContext, pool: FieldReader, cluster: string | undefined): void {
  const id = idOf(pool);
  const poolName = pool.string('spec.name') ?? pool.object.metadata.name ?? '';
  ctx.setAttrs(id, { ...poolAttrs(pool, 'spec'), poolName, phase: pool.string('status.phase') ?? null });
  if (cluster)
    ctx.edge({
      from: id,
      to: cluster,
      type: 'part-of',
      source: pool,
      field: 'metadata.namespace',
      why: `a pool of CephCluster ${qualifiedName(cluster)}`,
    });
}

/**
 * A CephFilesystem owns a metadata pool (`<fs>-metadata`) and data pools (`<fs>-<name>`, or
 * `<fs>-data<i>` when unnamed). Losing the metadata pool loses every file, so a CephFS volume
 * depends on both.
 */
export function extractFilesystem(ctx: BuildContext, fs: FieldReader, cluster: string | undefined): void {
  const id = idOf(fs);
  const namespace = fs.object.metadata.namespace ?? '';
  const fsName = fs.object.metadata.name ?? '';
  const pools: { name: string; base: string; role: string }[] = [
    { name: `${fsName}-metadata`, base: 'spec.metadataPool', role: 'metadata' },
  ];
  for (const i of fs.indexes('spec.dataPools')) {
    const name = fs.string(`spec.dataPools[${i}].name`);
    pools.push({
      name: `${fsName}-${name ?? `data${i}`}`,
      base: `spec.dataPools[${i}]`,
      role: i === 0 ? 'default data' : 'data',
    });
  }
  const poolIds: string[] = [];
  for (const p of pools) {
    const pid = poolId(namespace, p.name, true);
    ctx.node(pid, { derived: true });
    ctx.setAttrs(pid, { ...poolAttrs(fs, p.base), poolName: p.name, role: p.role, filesystem: fsName });
    ctx.edge({
      from: id,
      to: pid,
      type: 'stored-in',
      source: fs,
      field: p.base,
      why: `${p.role} pool ${p.name} of filesystem ${fsName}`,
    });
    if (cluster)
      ctx.edge({
        from: pid,
        to: cluster,
        type: 'part-of',
        source: fs,
        field: 'metadata.namespace',
        why: `a pool of CephCluster ${qualifiedName(cluster)}`,
      });
    poolIds.push(pid);
  }
  ctx.setAttrs(id, { pools: poolIds, phase: fs.string('status.phase') ?? null });
}
