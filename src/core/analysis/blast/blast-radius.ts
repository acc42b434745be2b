import { parseId } from '../../graph/ids.ts';
import { compare } from '../../order.ts';
import type { Analysis } from '../model.ts';
import type { Tier } from '../tiers/model.ts';
import { type BlastState, backupSurvival } from './backups.ts';
import { type BlastContext, blastContext, type ClaimStorage } from './context.ts';
import { dependentEffects } from './dependents.ts';
import { type Effect, rank, worse } from './effect.ts';
import { lossesOf } from './losses.ts';
import type { BlastResult, ObjectRef, Target, WorkloadImpact } from './model.ts';
import { poolEffect } from './pools.ts';
import { reachedWorkloads, reachIndex } from './reach.ts';
import { resolveTarget } from './targets.ts';
import { type ClaimLabels, claimLabels, volumeEffect } from './volumes.ts';
import { workloadEffect } from './workload-effect.ts';

export interface BlastOptions {
  /** The target is down but its data survives: nothing becomes `data-loss` through it. */
  outage?: boolean;
  /**
   * Weigh every workload, not only those the target can reach (reach.ts): the reference walk
   * the reach index is proven against (tests/properties/reach.test.ts). Same answer, slower.
   */
  exhaustive?: boolean;
}

/**
 * What loses data, what goes dark and what degrades when `target` is lost (ARCHITECTURE.md
 * section 3, blast TARGET). Only the workloads the target can reach are weighed (reach.ts: an
 * index made once per analysis, of claims, pools and nodes to workloads), then dependency
 * edges from those that stop: linear in what the target reaches, after a per-analysis
 * preparation shared by every query.
 */
export function blastRadius(
  analysis: Analysis,
  target: string | Target | readonly (string | Target)[],
  options: BlastOptions = {},
): BlastResult {
  const outage = options.outage ?? false;
  // Several targets are lost together: a node drained for maintenance while another fails.
  const targets: readonly (string | Target)[] =
    typeof target === 'string' || !Array.isArray(target) ? [target as string | Target] : target;
  const resolved = targets.map((t) => (typeof t === 'string' ? resolveTarget(analysis, t) : t));
  const context = blastContext(analysis);
  const { index } = context;
  const losses = lossesOf(context, resolved);
  const assumptions = new Set<string>(losses.assumptions);
  const assume = (line: string) => assumptions.add(line);

  const poolEffects = new Map<string, Effect | null>();
  const pools = (pool: string): Effect | null => {
    if (!poolEffects.has(pool)) poolEffects.set(pool, poolEffect(index, pool, losses, outage, assume));
    return poolEffects.get(pool) ?? null;
  };
  const volumeEffects = new Map<string, Effect | null>();
  const volumeInputs = { losses, outage, poolEffect: pools, assume };
  const facts = claimFactsOf(context);
  const volumes = (claim: string): Effect | null => {
    const known = volumeEffects.get(claim);
    if (known !== undefined) return known;
    let fact = facts.get(claim);
    if (fact === undefined) {
      fact = claimFact(context, claim);
      facts.set(claim, fact);
    }
    const effect = fact ? volumeEffect(fact.storage, volumeInputs, fact.labels) : null;
    // A claim modelled from a spec (manifests only) is an assumption the answer rests on.
    if (effect && fact?.modelled !== undefined) assume(fact.modelled);
    volumeEffects.set(claim, effect);
    return effect;
  };
  const lostOsdsOf = new Map<string, string[]>();
  for (const osd of losses.osds.keys()) {
    const deployment = index.node(osd)?.attrs.deployment;
    const owner = typeof deployment === 'string' ? context.deploymentOwners.get(deployment) : undefined;
    if (owner) lostOsdsOf.set(owner, [...(lostOsdsOf.get(owner) ?? []), osd]);
  }

  const direct = new Map<string, Effect>();
  const candidates = options.exhaustive
    ? analysis.workloads
    : reachedWorkloads(context, reachIndex(context), { losses, volumes, pools, lostOsdsOf });
  for (const workload of candidates) {
    const shape = context.shapes.get(workload.id);
    if (!shape) continue;
    const effect = workloadEffect(workload, shape, {
      index,
      losses,
      outage,
      volumeEffect: volumes,
      lostOsdsOf,
      osdsOf: context.osdsOf,
      assume,
    });
    if (effect) direct.set(workload.id, effect);
  }
  // The dependents are found from the direct effects first; then each is merged into the same
  // map (its own direct effect read before it is replaced), in the order a copy would have.
  const final = direct;
  for (const [id, effect] of dependentEffects(context, direct)) {
    const own = direct.get(id);
    const chosen = worse(own ?? null, effect) as Effect;
    const other = chosen === effect ? own : effect;
    // Both reasons help: "its volume's pool stops" and "it needs a database that is gone".
    final.set(id, other ? { impact: chosen.impact, why: [...chosen.why, ...other.why] } : chosen);
  }
  if (losses.osds.size > 0 && [...poolEffects.values()].some((e) => e !== null)) {
    assume(
      'placement groups are not visible through the API: every OSD a pool may use (same CRUSH root and device class) is assumed to hold part of every volume in it',
    );
  }

  const state: BlastState = { workloads: final, volumes, pools };
  const { reasons, refs } = keptFor(context);
  const unsorted: WorkloadImpact[] = [];
  const orders: number[] = [];
  for (const [id, effect] of final) {
    let known = refs.get(id);
    if (known === undefined) {
      const workload = analysis.workloadById.get(id);
      if (workload) {
        const { group, kind, namespace, name } = parseId(id);
        const apiVersion = workload.node.apiVersion ?? (group ? `${group}/v1` : 'v1');
        known = {
          ref: { apiVersion, kind, namespace, name },
          tier: analysis.tiers.get(id)?.tier ?? 4,
          order: nameOrderOf(context, namespace, kind, name),
        };
      } else known = null;
      refs.set(id, known);
    }
    if (known === null) continue;
    const { ref } = known;
    orders.push(known.order);
    unsorted.push({
      id,
      workload: { ...ref },
      tier: known.tier,
      impact: effect.impact,
      why: effect.why.map((line) => kept(reasons, line)),
      backups: backupSurvival(context, id, state),
    });
  }
  // Worst first, then the strictest tier, then by namespace, kind and name (their rank among the
  // workloads, equal for equal names, so ties keep the order they came in, as a stable sort of
  // the names themselves would).
  const ranks = unsorted.map((impact) => rank(impact.impact));
  const impacts = unsorted
    .map((_, i) => i)
    .sort(
      (i, j) =>
        (ranks[i] as number) - (ranks[j] as number) ||
        (unsorted[i] as WorkloadImpact).tier - (unsorted[j] as WorkloadImpact).tier ||
        (orders[i] as number) - (orders[j] as number) ||
        i - j,
    )
    .map((i) => unsorted[i] as WorkloadImpact);
  return {
    target: resolved.map((t) => t.text).join(' + '),
    outage,
    assumptions: [...assumptions].sort(),
    impacts,
  };
}

/**
 * What a blast context's queries read of a claim, looked up once per query in one table: its
 * storage facts, the assumption it states when modelled from a spec (the claim node's
 * `modelled`, read from the graph once, not once per claim per query, where it was a tenth of
 * every failure domain's blast), and its labels (volumes.ts); null for a claim with no storage.
 */
interface ClaimFact {
  storage: ClaimStorage;
  modelled: string | undefined;
  labels: ClaimLabels;
}

const claimFacts = new WeakMap<BlastContext, Map<string, ClaimFact | null>>();

function claimFactsOf(context: BlastContext): Map<string, ClaimFact | null> {
  let found = claimFacts.get(context);
  if (!found) {
    found = new Map();
    claimFacts.set(context, found);
  }
  return found;
}

function claimFact(context: BlastContext, claim: string): ClaimFact | null {
  const storage = context.claims.get(claim);
  if (!storage) return null;
  const modelled = context.index.node(claim)?.attrs.modelled;
  return {
    storage,
    modelled: typeof modelled === 'string' ? modelled : undefined,
    labels: claimLabels(storage),
  };
}

/**
 * What the answers of one blast context share: one string per distinct reason (the same
 * reasons recur in every domain of an inventory: 507,363 lines, 17,521 different, at 10,000
 * pods, each otherwise a string of its own kept as long as the answer) and each workload's
 * reference parts and tier (one lookup per impact). Equal text, so the same answer.
 */
interface Kept {
  reasons: Map<string, string>;
  /**
   * Workload id → its reference parts, tier and name order (nameOrderOf); null for an id that
   * is no workload.
   */
  refs: Map<string, { ref: ObjectRef; tier: Tier; order: number } | null>;
  /** `namespace, kind, name` of every workload → its rank in that order (made on first use). */
  orders?: Map<string, number>;
}

const shared = new WeakMap<BlastContext, Kept>();
const MAX_KEPT = 100_000;

function keptFor(context: BlastContext): Kept {
  let found = shared.get(context);
  if (!found) {
    found = { reasons: new Map(), refs: new Map() };
    shared.set(context, found);
  }
  return found;
}

/**
 * The rank of `namespace, kind, name` among the analysis's workloads in code-unit order (one
 * number to compare instead of three strings, for each comparison of each answer's sort);
 * equal names have equal ranks.
 */
function nameOrderOf(context: BlastContext, namespace: string, kind: string, name: string): number {
  const kept = keptFor(context);
  if (!kept.orders) {
    const names = new Map<string, string[]>();
    for (const id of context.analysis.workloadById.keys()) {
      const parts = parseId(id);
      names.set(nameKey(parts.namespace, parts.kind, parts.name), [parts.namespace, parts.kind, parts.name]);
    }
    const sorted = [...names.values()].sort(
      (a, b) =>
        compare(a[0] as string, b[0] as string) ||
        compare(a[1] as string, b[1] as string) ||
        compare(a[2] as string, b[2] as string),
    );
    kept.orders = new Map(sorted.map((parts, i) => [nameKey(...(parts as [string, string, string])), i]));
  }
  const found = kept.orders.get(nameKey(namespace, kind, name));
  // Every answer's workload is one of the analysis's (its id is a key of workloadById).
  if (found === undefined) throw new Error(`no name order for ${namespace}/${kind}/${name}: a bug`);
  return found;
}

function nameKey(namespace: string, kind: string, name: string): string {
  return `${namespace}\0${kind}\0${name}`;
}

function kept(reasons: Map<string, string>, line: string): string {
  const known = reasons.get(line);
  if (known !== undefined) return known;
  if (reasons.size >= MAX_KEPT) reasons.clear();
  reasons.set(line, line);
  return line;
}
