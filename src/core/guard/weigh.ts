import { IMPACT_ORDER, type Impact, type WorkloadImpact } from '../analysis/blast/model.ts';
import type { GuardAnswer, GuardImpact, GuardLevel, GuardStep } from './model.ts';
import type { Recognised } from './recognise.ts';

/**
 * The guard's gate. `null` is the default: any data loss, or a tier-0/1 workload unavailable.
 * An impact names the least that blocks, in any tier (like `blast --fail-on`).
 */
export type GuardGate = Impact | null;

/** One blast radius a decision weighs: targets lost together, or stopped (`outage`). */
export interface BlastRun {
  targets: string[];
  outage: boolean;
  /** Through a disk the command may or may not hit: "cannot tell", not a known loss. */
  worstCase: boolean;
}

/**
 * Where a decision's blast radii come from: the analysis (assess.ts), or the answers
 * `inventory` saved ahead for one target each (saved-answers.ts). Both give, for the same
 * inventory, the same impacts and assumptions as `blastRadius(analysis, targets, { outage })`.
 */
export interface ImpactSource {
  blast(run: BlastRun): { impacts: readonly WorkloadImpact[]; assumptions: readonly string[] };
  /** Why the workload has its tier (the analysis's tier decision), or ''. */
  tierReason(workload: string): string;
}

/**
 * From recognised steps to the answer: blast radius, preconditions, runbooks and decision,
 * each blast taken from `source` (null: the answer needs none, no step names a target).
 */
export function assessWith(
  command: string,
  recognised: Recognised,
  source: ImpactSource | null,
  gate: GuardGate,
): GuardAnswer {
  const { steps, problems } = recognised;
  const { impacts, assumptions } = source ? impactsOf(source, steps) : { impacts: [], assumptions: [] };
  const unknown = steps.some((s) => s.unknown.length > 0);
  const review = problems.length > 0 || steps.some((s) => s.review.length > 0);
  const worst = impacts[0]?.impact ?? null;
  const blocking = impacts.filter((i) => blocks(i, gate));
  const known = blocking.filter((i) => !i.worstCase);
  const level: GuardLevel = known.some((i) => i.impact === 'data-loss')
    ? 'data-loss'
    : unknown
      ? 'cannot-tell'
      : (known[0]?.impact ?? (review ? 'review' : (worst ?? 'none')));
  const decision = blocking.length > 0 || unknown || review ? 'block' : 'pass';
  return {
    command,
    decision,
    level,
    summary: summary(decision, level, steps, impacts, gate),
    steps,
    impacts,
    preconditions: preconditions(steps, impacts),
    assumptions,
    problems,
    runbooks: runbooks(steps, impacts),
  };
}

function blocks(i: GuardImpact, gate: GuardGate): boolean {
  if (gate === null) return i.impact === 'data-loss' || (i.impact === 'unavailable' && i.tier <= 1);
  return IMPACT_ORDER.indexOf(i.impact) <= IMPACT_ORDER.indexOf(gate);
}

/**
 * The blasts the steps' targets make. Targets lost together are one blast; targets only
 * stopped are added as an outage (so a workload that needs both is seen); each "may be any of
 * these" disk is a blast of its own.
 */
export function blastRuns(steps: readonly GuardStep[]): BlastRun[] {
  const all = steps.flatMap((s) => s.targets);
  const lost = unique(all.filter((t) => !t.alternative && t.effect === 'lost').map((t) => t.target));
  const down = unique(all.filter((t) => !t.alternative && t.effect === 'down').map((t) => t.target));
  const alternatives = unique(all.filter((t) => t.alternative).map((t) => t.target));
  const runs: BlastRun[] = [];
  if (lost.length > 0) runs.push({ targets: lost, outage: false, worstCase: false });
  if (down.length > 0) runs.push({ targets: [...lost, ...down], outage: true, worstCase: false });
  for (const a of alternatives) runs.push({ targets: [...lost, a], outage: false, worstCase: true });
  return runs;
}

/** Every run's blast from `source`; per workload the worst answer is kept. */
function impactsOf(source: ImpactSource, steps: readonly GuardStep[]) {
  const runs = blastRuns(steps);
  const worst = new Map<string, WorkloadImpact>();
  const definite = new Map<string, Impact>();
  const assumptions = new Set<string>();
  for (const run of runs) {
    const result = source.blast(run);
    for (const a of result.assumptions) assumptions.add(a);
    for (const i of result.impacts) {
      const known = definite.get(i.id);
      if (!run.worstCase && (!known || IMPACT_ORDER.indexOf(i.impact) < IMPACT_ORDER.indexOf(known)))
        definite.set(i.id, i.impact);
      const seen = worst.get(i.id);
      if (!seen || IMPACT_ORDER.indexOf(i.impact) < IMPACT_ORDER.indexOf(seen.impact)) worst.set(i.id, i);
    }
  }
  // Each key made once, not once a comparison (a purge of a large cluster sorts thousands).
  const keyed = [...worst.values()].map((i) => ({
    i,
    rank: IMPACT_ORDER.indexOf(i.impact),
    name: `${i.workload.namespace}/${i.workload.kind}/${i.workload.name}`,
  }));
  const impacts: GuardImpact[] = keyed
    .sort((a, b) => a.rank - b.rank || a.i.tier - b.i.tier || BY_NAME.compare(a.name, b.name))
    .map(({ i }) => ({
      workload: i.workload,
      tier: i.tier,
      tierReason: source.tierReason(i.id),
      impact: i.impact,
      // Only through a disk the command may or may not hit: "cannot tell", not a known loss.
      worstCase: definite.get(i.id) !== i.impact,
      why: i.why,
      backups: i.backups,
    }));
  return { impacts, assumptions: [...assumptions] };
}

/**
 * `a.localeCompare(b)` is, by ECMA-402, this comparison made again each call (the first calls
 * of a process took ~15 ms for 2,000 names); one collator made once gives the same order.
 */
const BY_NAME = new Intl.Collator();

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

function name(i: GuardImpact): string {
  return `${i.workload.kind} ${i.workload.namespace}/${i.workload.name} (tier ${i.tier})`;
}

/** Named in the summary line, worst tier first; a purge of a large cluster would name thousands. */
const SUMMARY_NAMES = 10;

function named(impacts: readonly GuardImpact[]): string {
  const names = impacts.slice(0, SUMMARY_NAMES).map(name).join(', ');
  const more = impacts.length - SUMMARY_NAMES;
  return more > 0 ? `${names}, and ${more} more` : names;
}

function summary(
  decision: 'block' | 'pass',
  level: GuardLevel,
  steps: readonly GuardStep[],
  impacts: readonly GuardImpact[],
  gate: GuardGate,
): string {
  if (steps.length === 0 && decision === 'pass') return 'no known destructive step';
  const lose = impacts.filter((i) => i.impact === 'data-loss');
  const dark = impacts.filter((i) => i.impact === 'unavailable');
  const worstCase = impacts.some((i) => i.worstCase) ? 'worst case: ' : '';
  const counts = `${worstCase}${lose.length} lose data, ${dark.length} unavailable, ${impacts.length - lose.length - dark.length} degraded`;
  if (decision === 'pass')
    return `${steps.length} destructive step(s), below the gate (${gate ?? 'data-loss, or tier 0/1 unavailable'}): ${counts}`;
  const head: Record<Exclude<GuardLevel, 'none'>, string> = {
    'data-loss': `data-loss: ${named(lose)}`,
    'cannot-tell': 'cannot tell what it hits: review by hand',
    unavailable: `unavailable: ${named(dark)}`,
    degraded: `degraded: ${counts}`,
    review: 'review by hand',
  };
  return `BLOCKED, ${level === 'none' ? 'review by hand' : head[level]}${level === 'data-loss' || level === 'unavailable' ? '' : ` (${counts})`}`;
}

function preconditions(steps: readonly GuardStep[], impacts: readonly GuardImpact[]): string[] {
  const out: string[] = [];
  for (const t of unique(
    steps.flatMap((s) => s.targets.filter((x) => x.effect === 'lost').map((x) => x.target)),
  )) {
    const osd = /^osd\/(?:[^/]+\/)?(\d+)$/.exec(t)?.[1];
    if (osd)
      out.push(
        `osd.${osd} drained first (ceph osd out ${osd}, then ceph osd safe-to-destroy osd.${osd} says safe): tierbook cannot see it, so it assumes osd.${osd} still holds data`,
      );
  }
  for (const i of impacts.filter((x) => x.impact === 'data-loss' && !x.worstCase)) {
    if (i.backups.length === 0) out.push(`a backup of ${name(i)}: it has none`);
    else if (!i.backups.some((b) => b.survives)) out.push(`a backup of ${name(i)} that survives: none does`);
  }
  return out;
}

/** The runbook for each step, then the restores the data-loss answer would need. */
function runbooks(steps: readonly GuardStep[], impacts: readonly GuardImpact[]): string[] {
  const out = steps.map((s) => s.runbook).filter((r): r is string => r !== null);
  for (const i of impacts.filter((x) => x.impact === 'data-loss' && !x.worstCase)) {
    const target = `workload/${i.workload.namespace}/${i.workload.kind}/${i.workload.name}`;
    const id = RESTORES[`${i.workload.apiVersion.split('/')[0]}/${i.workload.kind}`];
    if (id) out.push(`tierbook runbook ${id} ${target}`);
    else if (/identity provider/.test(i.tierReason)) out.push(`tierbook runbook idp-restore ${target}`);
    else if (i.backups.some((b) => b.system === 'velero'))
      out.push(`tierbook runbook velero-restore ${target}`);
  }
  return unique(out);
}

const RESTORES: Readonly<Record<string, string>> = {
  'postgresql.cnpg.io/Cluster': 'cnpg-restore',
  'pxc.percona.com/PerconaXtraDBCluster': 'pxc-restore',
};
