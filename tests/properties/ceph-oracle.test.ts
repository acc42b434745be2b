/**
 * A placement oracle for Ceph: simulate CRUSH-like placement over the generated OSD topology
 * and hold `blast` to it. tierbook cannot see placement groups, so its answer must cover
 * every placement CRUSH could choose: the worst one.
 *
 * The oracle works from the model (./generate.ts), never from tierbook's graph:
 * - OSDs a pool may use: same root, its device class when set.
 * - Failure-domain buckets as CRUSH builds them from Rook's labels: host → the OSD's node;
 *   osd → the OSD; zone/rack → the node's zone/rack label. An OSD whose node has no zone/rack
 *   label sits under no zone/rack bucket, so a zone/rack rule never places data on it.
 * - A placement group takes `size` (replicated) or k+m (erasure-coded) OSDs in distinct
 *   buckets, fewer (undersized) when there are fewer buckets.
 * - After a loss, a placement group with fewer than 1 copy (replicated) or k chunks (EC) left
 *   has lost data; with fewer than min_size left, Ceph stops its I/O. min_size is the pool's
 *   when set, else Ceph's default: size - floor(size/2), or k + min(1, m - 1) for EC.
 * - An OSD whose Deployment is scaled to 0 serves no copy: when the loss touches its pool, it is
 *   lost too (worst case: its placement groups were not re-replicated).
 * - A pool no OSD can hold (no OSD under its root with its device class) holds no data as
 *   CRUSH sees it, but tierbook cannot tell it from a pool whose OSDs were not read: worst
 *   case, its copies are on any lost OSD (on any lost node when no OSD exists at all).
 * Each check draws 64–256 random placement groups and adds the adversarial one (every lost
 * bucket used, a lost OSD in each): any valid placement could be the real one.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blastJson, blastRadius } from '../../src/core/analysis/blast/index.ts';
import {
  analysisOf,
  type ClusterModel,
  clusterArb,
  eligibleOsds,
  NAMESPACE,
  type OsdModel,
  objectsOf,
  type PoolModel,
  poolsOfClass,
  RUNS,
  workloadText,
} from './generate.ts';

type Outcome = 'none' | 'degraded' | 'unavailable' | 'data-loss';
const SEVERITY: Record<Outcome, number> = { none: 0, degraded: 1, unavailable: 2, 'data-loss': 3 };

/** The OSDs a set of targets takes: the OSD itself, every OSD on a node, the OSD on a disk. */
function lostOsds(model: ClusterModel, targets: string[]): Set<number> {
  const lost = new Set<number>();
  for (const t of targets) {
    for (const o of model.osds) {
      if (t === `osd/${o.id}` || t === `node/${o.node}` || t === `device/${o.node}${o.device}`)
        lost.add(o.id);
    }
  }
  return lost;
}

/**
 * What the inventory cannot tell from the true loss: an OSD that names its disk by another
 * name (a kernel name, an LVM volume) may be on any configured disk of its node that no OSD
 * names. Worst case: every such OSD of the node is on the lost disk.
 */
function possiblyLostOsds(model: ClusterModel, targets: string[]): Set<number> {
  const lost = lostOsds(model, targets);
  for (const t of targets) {
    const osd = model.osds.find((o) => t === `device/${o.node}${o.device}`);
    if (!osd || osd.blockPath === osd.device) continue;
    for (const o of model.osds) if (o.node === osd.node && o.blockPath !== o.device) lost.add(o.id);
  }
  return lost;
}

function bucketOf(model: ClusterModel, pool: PoolModel, osd: OsdModel): string | null {
  const node = model.nodes.find((n) => n.name === osd.node);
  switch (pool.failureDomain) {
    case 'host':
      return osd.node;
    case 'osd':
      return `osd.${osd.id}`;
    case 'zone':
      return node?.labelled ? node.zone : null;
    case 'rack':
      return node?.labelled ? node.rack : null;
  }
}

interface Facts {
  width: number;
  needed: number;
  minSize: number;
}

function factsOf(pool: PoolModel): Facts {
  if (pool.type === 'erasure') {
    return {
      width: pool.k + pool.m,
      needed: pool.k,
      minSize: pool.minSize ?? pool.k + Math.min(1, pool.m - 1),
    };
  }
  return { width: pool.size, needed: 1, minSize: pool.minSize ?? pool.size - Math.floor(pool.size / 2) };
}

/** A small deterministic generator, so a failing seed replays. */
function prng(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

interface Placement {
  /** Buckets → their OSDs, for the pool. */
  buckets: Map<string, OsdModel[]>;
  facts: Facts;
}

/**
 * The buckets CRUSH may use for a pool, in each world tierbook cannot tell apart. An OSD with no
 * zone/rack label is, as Rook labels it, in no such bucket and gets no data; but its label may
 * only be missing from what tierbook read. So two worlds: the unlabelled OSDs hold nothing, or
 * each sits in whichever labelled bucket hurts most (a lost one in a bucket nothing else lost
 * touches; all in one bucket when no OSD is labelled).
 */
function placementsOf(model: ClusterModel, pool: PoolModel, lost: Set<number>): Placement[] {
  const buckets = new Map<string, OsdModel[]>();
  const unlabelled: OsdModel[] = [];
  for (const osd of eligibleOsds(model, pool)) {
    const b = bucketOf(model, pool, osd);
    if (b === null) unlabelled.push(osd);
    else buckets.set(b, [...(buckets.get(b) ?? []), osd]);
  }
  const facts = factsOf(pool);
  const worlds: Placement[] = [{ buckets, facts }];
  if (unlabelled.length === 0) return worlds;
  const hidden = new Map([...buckets].map(([b, osds]) => [b, [...osds]]));
  if (hidden.size === 0) hidden.set('(unlabelled)', []);
  const intact = [...hidden.keys()].filter((b) => !(hidden.get(b) ?? []).some((o) => lost.has(o.id)));
  for (const osd of unlabelled) {
    const into = (lost.has(osd.id) ? intact.shift() : undefined) ?? (hidden.keys().next().value as string);
    hidden.get(into)?.push(osd);
  }
  worlds.push({ buckets: hidden, facts });
  return worlds;
}

/** One placement group's OSDs: distinct buckets, one OSD in each. */
function randomPg(p: Placement, random: () => number): OsdModel[] {
  const names = [...p.buckets.keys()];
  const chosen: OsdModel[] = [];
  while (chosen.length < p.facts.width && names.length > 0) {
    const [bucket] = names.splice(Math.floor(random() * names.length), 1);
    const osds = p.buckets.get(bucket as string) as OsdModel[];
    chosen.push(osds[Math.floor(random() * osds.length)] as OsdModel);
  }
  return chosen;
}

/** The worst placement group: every bucket holding a lost OSD first, with that OSD. */
function adversarialPg(p: Placement, lost: Set<number>): OsdModel[] {
  const hit: OsdModel[] = [];
  const rest: OsdModel[] = [];
  for (const osds of p.buckets.values()) {
    const gone = osds.find((o) => lost.has(o.id));
    if (gone) hit.push(gone);
    else rest.push(osds[0] as OsdModel);
  }
  return [...hit, ...rest].slice(0, p.facts.width);
}

function outcomeOf(pg: OsdModel[], p: Placement, lost: Set<number>): Outcome {
  const gone = pg.filter((o) => lost.has(o.id)).length;
  if (gone === 0) return 'none';
  const left = pg.length - gone;
  if (left < p.facts.needed) return 'data-loss';
  if (left < p.facts.minSize) return 'unavailable';
  return 'degraded';
}

/**
 * The worst outcome over random placement groups and the adversarial one, in every world. An
 * OSD scaled to 0 already serves nothing: once the loss touches the pool, it counts as lost
 * too (its placement groups may not have been re-replicated).
 */
function worstOutcome(model: ClusterModel, pool: PoolModel, target: Set<number>, pgs: number, seed: number) {
  const eligible = eligibleOsds(model, pool);
  const touched = eligible.some((o) => target.has(o.id));
  const lost = new Set([
    ...target,
    ...(touched ? eligible.filter((o) => o.scaledDown).map((o) => o.id) : []),
  ]);
  let sampled: Outcome = 'none';
  let adversarial: Outcome = 'none';
  let buckets = 0;
  for (const p of placementsOf(model, pool, lost)) {
    const random = prng(seed);
    for (let i = 0; i < pgs; i++) {
      const o = outcomeOf(randomPg(p, random), p, lost);
      if (SEVERITY[o] > SEVERITY[sampled]) sampled = o;
    }
    const o = outcomeOf(adversarialPg(p, lost), p, lost);
    if (SEVERITY[o] > SEVERITY[adversarial]) adversarial = o;
    buckets = Math.max(buckets, p.buckets.size);
  }
  return { sampled, adversarial, buckets };
}

const lossArb = clusterArb.chain((model) => {
  const losable = [
    ...model.osds.map((o) => `osd/${o.id}`),
    ...model.nodes.map((n) => `node/${n.name}`),
    ...model.osds.map((o) => `device/${o.node}${o.device}`),
  ];
  return fc.record({
    model: fc.constant(model),
    targets: fc.shuffledSubarray(losable, { minLength: 1, maxLength: Math.min(4, losable.length) }),
    pgs: fc.integer({ min: 64, max: 256 }),
    seed: fc.integer(),
    outage: fc.boolean(),
  });
});

const RANK = { 'data-loss': 0, unavailable: 1, degraded: 2 } as const;

test('placement oracle: blast is at least as bad as the worst placement CRUSH could choose', () => {
  fc.assert(
    fc.property(lossArb, ({ model, targets, pgs, seed, outage }) => {
      const lost = lostOsds(model, targets);
      const possiblyLost = possiblyLostOsds(model, targets);
      const analysis = analysisOf(objectsOf(model));
      const result = blastJson(blastRadius(analysis, targets, { outage })) as {
        impacts: {
          workload: { kind: string; name: string; namespace: string };
          impact: keyof typeof RANK;
          why: string[];
        }[];
      };
      const impactOf = new Map(
        result.impacts.map((i) => [`${i.workload.namespace}/${i.workload.kind}/${i.workload.name}`, i]),
      );
      for (const w of model.workloads) {
        if (w.storageClass === null) continue;
        const pools = poolsOfClass(model, w.storageClass);
        const worstOver = (gone: Set<number>): Outcome => {
          let worst: Outcome = 'none';
          for (const pool of pools) {
            const o = worstOutcome(model, pool, gone, pgs, seed);
            // The oracle's own sanity: no random placement group is worse than the adversarial one.
            assert.ok(
              SEVERITY[o.sampled] <= SEVERITY[o.adversarial],
              `${pool.name}: sampled ${o.sampled} > adversarial ${o.adversarial}`,
            );
            if (o.buckets === 0) {
              // No OSD CRUSH could use: CRUSH places nothing, but tierbook cannot tell this pool
              // from one whose OSDs it did not read or whose labels it misreads. Worst world:
              // every copy is on a lost OSD of the cluster; with no OSD read at all, on a lost node.
              const reached =
                model.osds.length > 0 ? gone.size > 0 : targets.some((t) => t.startsWith('node/'));
              if (reached) worst = 'data-loss';
              continue;
            }
            if (SEVERITY[o.adversarial] > SEVERITY[worst]) worst = o.adversarial;
          }
          return worst;
        };
        const worst = worstOver(lost);
        const got = impactOf.get(`${NAMESPACE}/${w.kind}/${w.name}`);
        const said = `${workloadText(w)} in ${pools.map((p) => JSON.stringify(p)).join(' + ')} losing ${targets.join(' + ')} (OSDs ${[...lost].join(', ')})${outage ? ' --outage' : ''}: blast says ${got?.impact ?? 'nothing'}, the worst placement ${worst}\n${got?.why.join('\n') ?? ''}`;
        const expected = outage && worst === 'data-loss' ? 'unavailable' : worst;
        if (expected !== 'none') {
          assert.ok(got, said);
          assert.ok(RANK[got.impact] <= RANK[expected], said);
        }
        // Pods on a lost node can stop a workload, never lose its data: data-loss only when some
        // placement, with the OSDs the inventory cannot tell from the lost ones, loses it.
        if (got?.impact === 'data-loss')
          assert.equal(
            worstOver(possiblyLost),
            'data-loss',
            `${said}\n(possibly lost: OSDs ${[...possiblyLost].join(', ')})`,
          );
      }
    }),
    { numRuns: RUNS ?? 150 },
  );
});
