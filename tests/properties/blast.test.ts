/**
 * Properties of `blast` over generated clusters (./generate.ts): they attack the reasoning, not
 * one example. Each holds for every cluster fast-check draws; a failure prints the smallest
 * model it could shrink to and its seed (`fc.assert` replays it with { seed, path }).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { blastJson, blastRadius } from '../../src/core/analysis/blast/index.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import {
  allTargets,
  analysisOf,
  type ClusterModel,
  clusterArb,
  dataNodesOf,
  NAMESPACE,
  objectsOf,
  RUNS,
  workloadText,
} from './generate.ts';

interface ImpactJson {
  workload: { apiVersion: string; kind: string; namespace: string; name: string };
  impact: 'data-loss' | 'unavailable' | 'degraded';
  why: string[];
}
interface BlastJson {
  target: string;
  outage: boolean;
  assumptions: string[];
  impacts: ImpactJson[];
}

const RANK = { 'data-loss': 0, unavailable: 1, degraded: 2 } as const;

function blast(analysis: Analysis, targets: string[], outage = false): BlastJson {
  return blastJson(blastRadius(analysis, targets, { outage })) as BlastJson;
}

function key(i: ImpactJson): string {
  return `${i.workload.namespace}/${i.workload.kind}/${i.workload.name}`;
}

function byWorkload(result: BlastJson): Map<string, ImpactJson> {
  return new Map(result.impacts.map((i) => [key(i), i]));
}

/** A model, a non-empty set of its targets, and more targets to add to it. */
const lossArb = clusterArb.chain((model) => {
  const targets = allTargets(model);
  return fc.record({
    model: fc.constant(model),
    targets: fc.shuffledSubarray(targets, { minLength: 1, maxLength: 3 }),
    more: fc.shuffledSubarray(targets, { minLength: 1, maxLength: 4 }),
    outage: fc.boolean(),
  });
});

const cache = new WeakMap<ClusterModel, Analysis>();
function analysisOfModel(model: ClusterModel): Analysis {
  let analysis = cache.get(model);
  if (!analysis) {
    analysis = analysisOf(objectsOf(model));
    cache.set(model, analysis);
  }
  return analysis;
}

test('losing a superset of targets never makes any workload milder', () => {
  fc.assert(
    fc.property(lossArb, ({ model, targets, more, outage }) => {
      const analysis = analysisOfModel(model);
      const small = byWorkload(blast(analysis, targets, outage));
      const superset = [...new Set([...targets, ...more])];
      const big = byWorkload(blast(analysis, superset, outage));
      for (const [workload, impact] of small) {
        const after = big.get(workload);
        assert.ok(
          after,
          `${workload} is ${impact.impact} losing ${targets.join(' + ')}, unaffected losing ${superset.join(' + ')}`,
        );
        assert.ok(
          RANK[after.impact] <= RANK[impact.impact],
          `${workload}: ${impact.impact} losing ${targets.join(' + ')}, milder (${after.impact}) losing ${superset.join(' + ')}`,
        );
      }
    }),
    { numRuns: RUNS ?? 60 },
  );
});

test('--outage never yields data-loss, and is never worse than losing the targets', () => {
  fc.assert(
    fc.property(lossArb, ({ model, targets, more }) => {
      const analysis = analysisOfModel(model);
      for (const set of [targets, [...new Set([...targets, ...more])]]) {
        const result = blast(analysis, set, true);
        assert.equal(result.outage, true);
        const lost = byWorkload(blast(analysis, set, false));
        for (const i of result.impacts) {
          assert.notEqual(i.impact, 'data-loss', `${key(i)} loses data in an outage of ${set.join(' + ')}`);
          // An outage is never worse than losing the same targets for good.
          const worse = lost.get(key(i));
          assert.ok(
            worse && RANK[worse.impact] <= RANK[i.impact],
            `${key(i)} is ${i.impact} in an outage of ${set.join(' + ')} but ${worse?.impact ?? 'unaffected'} when they are lost`,
          );
        }
      }
    }),
    { numRuns: RUNS ?? 60 },
  );
});

test('losing every node a workload’s data can live on is data-loss for it', () => {
  fc.assert(
    fc.property(clusterArb, (model) => {
      const analysis = analysisOfModel(model);
      for (const w of model.workloads) {
        const nodes = dataNodesOf(model, w);
        // A pool no OSD of the inventory can hold (another root or device class): no node to lose.
        if (nodes.length === 0) continue;
        const targets = nodes.map((n) => `node/${n}`);
        const impact = byWorkload(blast(analysis, targets)).get(`${NAMESPACE}/${w.kind}/${w.name}`);
        assert.equal(
          impact?.impact,
          'data-loss',
          `${workloadText(w)} keeps data on ${nodes.join(', ')}; losing them all gives ${impact?.impact ?? 'no impact'}`,
        );
      }
    }),
    { numRuns: RUNS ?? 40 },
  );
});

test('losing the nodes of every Ready pod stops the workload: pods that are not Ready keep nothing serving', () => {
  fc.assert(
    fc.property(clusterArb, fc.boolean(), (model, outage) => {
      const analysis = analysisOfModel(model);
      for (const w of model.workloads) {
        const nodes = [...new Set(w.podNodes.filter((_, i) => w.ready[i]))].sort();
        if (nodes.length === 0) continue;
        const targets = nodes.map((n) => `node/${n}`);
        const impact = byWorkload(blast(analysis, targets, outage)).get(`${NAMESPACE}/${w.kind}/${w.name}`);
        assert.ok(
          impact && RANK[impact.impact] <= RANK.unavailable,
          `${workloadText(w)}: its Ready pods run on ${nodes.join(', ')}; losing them gives ${impact?.impact ?? 'no impact'}${outage ? ' (--outage)' : ''}\n${impact?.why.join('\n') ?? ''}`,
        );
      }
    }),
    { numRuns: RUNS ?? 40 },
  );
});

/**
 * What "the why names the target" means. Each impact's `why` lines, taken together, contain
 * the name of one of the lost targets as the why lines spell it:
 * - node/N: the node's name N as a word ("on node N", "host N");
 * - osd/I: "osd.I"; device/N/PATH: PATH;
 * - pool/NS/P: "NS/P"; storageclass/C: "storageclass/C"; pvc/NS/C: "NS/C";
 * - workload/NS/KIND/W: the target text itself;
 * or the name of something the target takes with it that the answer itself explains: an OSD
 * on a lost node or device ("osd.I"). An impact reached through a dependency instead names the
 * workload it needs ("needs Deployment NS/W"), whose own impact in the same answer must name
 * the target: following the chain always ends at the target.
 */
function namesOf(model: ClusterModel, target: string): string[] {
  const [type = '', ...rest] = target.split('/');
  const path = rest.join('/');
  switch (type) {
    case 'node':
      return [path, ...model.osds.filter((o) => o.node === path).map((o) => `osd.${o.id}`)];
    case 'osd':
      return [`osd.${path}`];
    case 'device': {
      const osd = model.osds.find((o) => `${o.node}${o.device}` === path);
      return osd ? [osd.device, `osd.${osd.id}`] : [];
    }
    case 'pool':
    case 'pvc':
      return [path];
    case 'storageclass':
      return [target];
    default:
      return [target];
  }
}

function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.-])${escaped}($|[^\\w-]|\\.(?!\\d))`).test(text);
}

test('every impact’s why names the target (or a workload whose why does)', () => {
  fc.assert(
    fc.property(lossArb, ({ model, targets, outage }) => {
      const result = blast(analysisOfModel(model), targets, outage);
      const names = targets.flatMap((t) => namesOf(model, t));
      const direct = new Set<string>();
      for (const i of result.impacts)
        if (names.some((n) => mentions(i.why.join('\n'), n)))
          direct.add(`${i.workload.kind} ${i.workload.namespace}/${i.workload.name}`);
      for (const i of result.impacts) {
        const why = i.why.join('\n');
        const named = names.some((n) => mentions(why, n));
        const chained = [...direct].some((w) => why.includes(`needs ${w}`));
        assert.ok(
          named || chained,
          `${key(i)} (${i.impact}) losing ${targets.join(' + ')}: why names none of ${names.join(', ')}:\n${why}`,
        );
      }
    }),
    { numRuns: RUNS ?? 60 },
  );
});

/** A deterministic shuffle (fast-check draws the seed, so a failure replays). */
function shuffle<T>(items: readonly T[], seed: number): T[] {
  const out = [...items];
  let state = seed >>> 0 || 1;
  for (let i = out.length - 1; i > 0; i--) {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    const j = state % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

test('the answer does not depend on the order the objects were read in', () => {
  fc.assert(
    fc.property(lossArb, fc.integer(), ({ model, targets, outage }, seed) => {
      const objects = objectsOf(model);
      const shuffled = shuffle(objects, seed);
      const a = analysisOf(objects);
      const b = analysisOf(shuffled);
      assert.deepEqual(blast(b, targets, outage), blast(a, targets, outage));
      // Targets given in another order are the same loss.
      const reordered = shuffle(targets, seed ^ 0x5bd1e995);
      const x = blast(a, targets, outage);
      const y = blast(a, reordered, outage);
      assert.deepEqual({ ...y, target: '' }, { ...x, target: '' });
    }),
    { numRuns: RUNS ?? 30 },
  );
});
