import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import type { GraphNode } from '../../graph/model.ts';
import type { Effect } from './effect.ts';
import { type Losses, osdLabel } from './losses.ts';
import { unplacedPoolEffect } from './unplaced-pool.ts';

/**
 * What losing some OSDs (or the pool itself) does to a Ceph pool. Placement groups are not
 * visible through the API, so every OSD CRUSH may use holds part of every volume: the pool is
 * the unit of loss. Copies sit in distinct failure-domain buckets (hosts, OSDs, zones,
 * racks); losing L buckets leaves `copies - L`, and Ceph stops I/O below `min_size`.
 */
export function poolEffect(
  index: GraphIndex,
  poolId: string,
  losses: Losses,
  outage: boolean,
  assume: (line: string) => void,
): Effect | null {
  const pool = index.node(poolId);
  const name = qualifiedName(poolId);
  const targeted = losses.pools.get(poolId);
  if (targeted)
    return outage
      ? { impact: 'unavailable', why: [`${targeted}: down, its data intact`] }
      : { impact: 'data-loss', why: [targeted] };
  if (!pool) return null;
  const osds = index
    .out(poolId, 'placed-on')
    .map((e) => index.node(e.to))
    .filter((n): n is GraphNode => !!n);
  if (osds.length === 0) return unplacedPoolEffect(index, pool, losses, outage, assume);
  const lostOsds = osds.filter((o) => losses.osds.has(o.id));
  if (lostOsds.length === 0) return null;
  // An OSD whose Deployment is scaled to 0 serves no copy already; worst case, its placement
  // groups were not re-replicated (too few buckets, backfill not done): it counts as lost too.
  const downOsds = osds.filter((o) => !losses.osds.has(o.id) && o.attrs.replicas === 0);
  for (const o of downOsds) {
    assume(
      `${osdLabel(o.id)}'s Deployment is scaled to 0: counted as already lost (its placement groups may not have been re-replicated)`,
    );
  }
  const gone = [...lostOsds, ...downOsds];

  const facts = poolFacts(pool);
  const domain = facts.failureDomain;
  // An OSD with no label for the domain: CRUSH puts none of this pool's data on an OSD that is
  // in no such bucket, but it may also be in one tierbook cannot see. Worst case of both: it
  // adds no bucket of its own, and losing it loses one more bucket.
  const bucketOf = (osd: GraphNode): string | null => {
    if (domain === 'osd') return osdLabel(osd.id);
    const location = (osd.attrs.location ?? {}) as Record<string, string>;
    const bucket =
      location[domain] ??
      (domain === 'host' && typeof osd.attrs.node === 'string' ? osd.attrs.node : undefined);
    if (bucket) return bucket;
    assume(
      `${osdLabel(osd.id)} has no topology-location-${domain} label: CRUSH places none of pool ${name} there if it is in no ${domain}; assumed worst case: it adds no ${domain} of its own, and losing it loses a ${domain}`,
    );
    return null;
  };
  const buckets = new Set(osds.map(bucketOf).filter((b): b is string => b !== null));
  const lostKnown = [...new Set(gone.map(bucketOf).filter((b): b is string => b !== null))].sort();
  const lostUnplaced = gone.filter((o) => bucketOf(o) === null).map((o) => osdLabel(o.id));
  const lostCount = lostKnown.length + lostUnplaced.length;
  // No OSD with the label at all: as far as tierbook can tell, they may all be in one bucket.
  const held = Math.min(facts.width, Math.max(1, buckets.size));
  if (buckets.size < facts.width) {
    assume(
      `pool ${name} wants ${count(facts.width, facts.unit)} in distinct ${domain}s but CRUSH has only ${buckets.size}: its placement groups hold at most ${held}`,
    );
  }
  if (domain === 'osd') sameHostWorstCase(name, gone, facts, assume);
  if (facts.minSizeAssumed) assume(facts.minSizeAssumed);

  const left = Math.max(0, held - lostCount);
  const bucketsText = (list: string[]) =>
    `${domain === 'osd' ? '' : `${domain}${list.length > 1 ? 's' : ''} `}${list.join(', ')}`;
  const targetBuckets = new Set(lostOsds.map(bucketOf));
  const alreadyDown = lostKnown.filter((b) => !targetBuckets.has(b));
  const lostText = [
    lostKnown.length > alreadyDown.length ? bucketsText(lostKnown.filter((b) => targetBuckets.has(b))) : '',
    lostUnplaced.length > 0 ? `${lostUnplaced.join(', ')} (in no known ${domain})` : '',
  ]
    .filter(Boolean)
    .join(' and ')
    .concat(alreadyDown.length > 0 ? ` (${bucketsText(alreadyDown)} already down)` : '');
  const where = [...new Set(lostOsds.map((o) => losses.osds.get(o.id) ?? ''))].filter(Boolean).join(', ');
  const why = [
    `${lostOsds.map((o) => osdLabel(o.id)).join(', ')}${where ? ` (${where})` : ''} ${lostOsds.length > 1 ? 'are' : 'is'} in pool ${name}: CRUSH may place any of its data there`,
    `${pool.name} ${facts.describe}`,
  ];
  if (downOsds.length > 0) {
    why.push(
      `${downOsds.map((o) => osdLabel(o.id)).join(', ')} ${downOsds.length > 1 ? 'are' : 'is'} already down (Deployment scaled to 0)`,
    );
  }
  if (left < facts.needed && outage) {
    why.push(
      `with ${lostText} down, ${count(left, facts.unit)} of ${held} of some placement groups ${left === 1 ? 'is' : 'are'} up: Ceph stops I/O until they return; the data is intact`,
    );
    return { impact: 'unavailable', why };
  }
  if (left < facts.needed) {
    why.push(
      facts.needed === 1
        ? `losing ${lostText} leaves no copy of some placement groups`
        : `losing ${lostText} leaves ${count(left, facts.unit)} of ${held} of some placement groups: fewer than the ${facts.needed} needed to rebuild them`,
    );
    return { impact: 'data-loss', why };
  }
  const losing = outage
    ? `with ${lostText} down, ${count(left, facts.unit)} ${left === 1 ? 'is' : 'are'} up`
    : `losing ${lostText} leaves ${count(left, facts.unit)}`;
  if (left < facts.minSize) {
    why.push(`${losing}, below min_size ${facts.minSize}: Ceph stops I/O to the pool until they return`);
    return { impact: 'unavailable', why };
  }
  why.push(`${losing}, at least min_size ${facts.minSize}: it keeps serving with less redundancy`);
  return { impact: 'degraded', why };
}

interface PoolFacts {
  failureDomain: string;
  /** Copies (replicated) or chunks k+m (erasure-coded) per placement group. */
  width: number;
  /** Copies or chunks needed to rebuild the data: 1, or k. */
  needed: number;
  minSize: number;
  minSizeAssumed: string | null;
  unit: 'copies' | 'chunks';
  describe: string;
}

function poolFacts(pool: GraphNode): PoolFacts {
  const a = pool.attrs;
  const name = qualifiedName(pool.id);
  const failureDomain = typeof a.failureDomain === 'string' ? a.failureDomain : 'host';
  const size = typeof a.size === 'number' ? a.size : 3;
  const setMin = typeof a.minSize === 'number' ? a.minSize : null;
  if (a.type === 'erasure' && typeof a.dataChunks === 'number' && typeof a.codingChunks === 'number') {
    const k = a.dataChunks;
    const m = a.codingChunks;
    // Ceph's default for an erasure-coded pool is k + min(1, m - 1): k+1, but k when m = 1.
    // tierbook assumes k+1 either way: the higher min_size stops I/O sooner (worst case).
    const minSize = setMin ?? k + 1;
    return {
      failureDomain,
      width: k + m,
      needed: k,
      minSize,
      minSizeAssumed:
        setMin === null
          ? m >= 2
            ? `pool ${name}: min_size not visible, assumed Ceph's erasure-coded default k+1 = ${k + 1}`
            : `pool ${name}: min_size not visible, assumed k+1 = ${k + 1} (Ceph's default for m = 1 is k = ${k}: k+1 stops I/O sooner, the worst case)`
          : null,
      unit: 'chunks',
      describe: `is erasure-coded ${k}+${m} (failure domain ${failureDomain}): any ${k} of its ${k + m} chunks rebuild the data`,
    };
  }
  const minSize = setMin ?? size - Math.floor(size / 2);
  return {
    failureDomain,
    width: size,
    needed: 1,
    minSize,
    minSizeAssumed:
      setMin === null ? `pool ${name}: min_size not visible, assumed Ceph default ${minSize}` : null,
    unit: 'copies',
    describe: `keeps ${size} ${size === 1 ? 'copy' : 'copies'} (failure domain ${failureDomain})`,
  };
}

/** failureDomain osd: CRUSH may put several copies of one placement group on one host's OSDs. */
function sameHostWorstCase(
  name: string,
  lostOsds: GraphNode[],
  facts: PoolFacts,
  assume: (line: string) => void,
): void {
  const byHost = new Map<string, number>();
  for (const osd of lostOsds) {
    const host = typeof osd.attrs.node === 'string' ? osd.attrs.node : '';
    if (host) byHost.set(host, (byHost.get(host) ?? 0) + 1);
  }
  for (const [host, n] of [...byHost].sort()) {
    if (n < 2) continue;
    assume(
      `pool ${name} has failure domain osd, so ${count(Math.min(n, facts.width), facts.unit)} of one placement group may sit on ${host}'s ${n} OSDs; assumed worst case: they do`,
    );
  }
}

/** "1 copy", "2 copies", "1 chunk", "3 chunks". */
function count(n: number, unit: 'copies' | 'chunks'): string {
  return `${n} ${n === 1 ? (unit === 'copies' ? 'copy' : 'chunk') : unit}`;
}
