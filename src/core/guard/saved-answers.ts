import { type GuardInventoryTable, osdTarget } from './inventory-table.ts';
import type { BlastRun } from './weigh.ts';

/*
 * Which answers are saved ahead: the blast radius of each target a command can name alone (an
 * OSD, a disk, a node, a pool), saved by `inventory` in guard-context.json, so purging an OSD of
 * a large cluster is answered without reading or weighing its thousands of workloads: the
 * answer is read, not computed (written by saved-answers-text.ts, read by saved-answers-read.ts). Each answer is the `blastRadius(analysis, [target], { outage })` that analysis
 * gives, kept whole (every impact, reason and backup); a restore's age is kept as its time and
 * measured against the decision's `now`, as the blast does. So is each claim lost alone
 * (`kubectl delete pvc`, `rbd rm`) and each workload stopped alone (`kubectl scale
 * --replicas=0`, a stateless workload deleted). A decision with any other blast (several
 * targets at once: a namespace, a release, a StatefulSet with its claims) computes it from the
 * saved analysis instead.
 */

type Effect = 'lost' | 'down';

/** The effects saved for each kind of target: what the command table can make of it alone. */
const SAVED_EFFECTS = {
  osd: ['lost', 'down'],
  device: ['lost'],
  node: ['lost', 'down'],
  pool: ['lost', 'down'],
  pvc: ['lost'],
  workload: ['down'],
} as const satisfies Record<string, readonly Effect[]>;

/** The name a single-target blast is saved under: `lost osd/3`, `down node/k8s-1`; null for others. */
export function answerKey(run: Pick<BlastRun, 'targets' | 'outage'>): string | null {
  const [target, ...more] = run.targets;
  return target !== undefined && more.length === 0 ? `${run.outage ? 'down' : 'lost'} ${target}` : null;
}

/**
 * The blasts saved for an inventory's table: each OSD, disk, node, pool, claim and workload,
 * alone, each effect its kind is saved with.
 */
export function savedRuns(table: GuardInventoryTable): BlastRun[] {
  const qualify = new Set(table.osds.map((o) => o.namespace)).size > 1;
  const named: [string, readonly Effect[]][] = [
    ...table.osds.map((o): [string, readonly Effect[]] => [osdTarget(o, qualify), SAVED_EFFECTS.osd]),
    ...table.disks.map((d): [string, readonly Effect[]] => [d.match.target, SAVED_EFFECTS.device]),
    ...table.nodes.map((n): [string, readonly Effect[]] => [`node/${n}`, SAVED_EFFECTS.node]),
    ...table.pools.map((p): [string, readonly Effect[]] => [
      `pool/${p.namespace}/${p.name}`,
      SAVED_EFFECTS.pool,
    ]),
    ...table.claims.map((c): [string, readonly Effect[]] => [
      `pvc/${c.namespace}/${c.name}`,
      SAVED_EFFECTS.pvc,
    ]),
    ...table.workloads.map((w): [string, readonly Effect[]] => [w.match.target, SAVED_EFFECTS.workload]),
  ];
  const runs = new Map<string, BlastRun>();
  for (const [target, effects] of named)
    for (const effect of effects) {
      const run = { targets: [target], outage: effect === 'down', worstCase: false };
      runs.set(answerKey(run) ?? '', run);
    }
  return [...runs.values()];
}

/**
 * Strings a line of `values`: a decision reads the lines its answer names, not the table (an
 * answer's own strings, first written with it, sit together in a few lines).
 */
export const VALUES_A_LINE = 512;

/** Where a part of a section is: its offset, its size in bytes, its SHA-256. */
export type Part = [number, number, string];

/** `lost osd/3` → `osd`: keys are read a kind at a time. */
export function kindOf(key: string): string {
  const target = key.slice(key.indexOf(' ') + 1);
  return target.slice(0, target.indexOf('/'));
}
