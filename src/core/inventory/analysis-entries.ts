import { backupAgeSeconds } from '../analysis/backups/index.ts';
import { neededBy } from '../analysis/blast/index.ts';
import type { BlastResult, Impact, Target } from '../analysis/blast/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { tierTargets } from '../analysis/tiers/index.ts';
import type { BackupEntry, BlastEntry, ImpactEntry, TierEntry } from './model.ts';

type TitleOf = (id: string) => string;

/** The tier decision as a page shows it: tier, rule, reason, targets, who raised it. */
export function tierEntry(analysis: Analysis, id: string, title: TitleOf): TierEntry {
  const decision = analysis.tiers.get(id);
  if (!decision) throw new Error(`bug: workload ${id} has no tier decision`);
  const targets = tierTargets(analysis.config, decision.tier);
  const from = decision.inheritedFrom;
  return {
    tier: decision.tier,
    rule: decision.rule,
    reason: decision.reason,
    rpo: targets.rpo,
    rpoSeconds: targets.rpoSeconds,
    rto: targets.rto,
    own: decision.own ?? null,
    inheritedFrom: from ? { workload: from.workload, title: title(from.workload), path: from.path } : null,
  };
}

/** What protects a workload, each judged against its tier's RPO at the inventory's time. */
export function backupEntries(analysis: Analysis, id: string, title: TitleOf): BackupEntry[] {
  const decision = analysis.tiers.get(id);
  const rpo = decision ? tierTargets(analysis.config, decision.tier).rpoSeconds : null;
  return (analysis.protections.get(id) ?? []).map((p) => {
    const age = backupAgeSeconds(p, analysis.now);
    return {
      ...p,
      title: title(p.id),
      withinRpo: rpo === null ? null : age !== null && age <= rpo,
    };
  });
}

/**
 * A blast result trimmed for a page: counts, assumptions and each impact with its reasons, each
 * reason the one string `same` keeps for its text.
 */
export function toBlastEntry(
  result: BlastResult,
  target: Target,
  title: TitleOf,
  same: (text: string) => string,
): BlastEntry {
  const counts: Record<Impact, number> = { 'data-loss': 0, unavailable: 0, degraded: 0 };
  for (const impact of result.impacts) counts[impact.impact]++;
  return {
    target: result.target,
    type: target.type,
    counts,
    assumptions: result.assumptions,
    impacts: result.impacts.map((i) => ({
      id: i.id,
      title: title(i.id),
      tier: i.tier,
      impact: i.impact,
      why: i.why.map(same),
      backups: i.backups.map((b) => ({ kind: b.kind, survives: b.survives, why: same(b.why) })),
    })),
  };
}

/** The workloads that stop while this one is down (its data intact), strictest tier first. */
export function ifDownEntries(analysis: Analysis, id: string, text: string, title: TitleOf): ImpactEntry[] {
  const entries: ImpactEntry[] = [...neededBy(analysis, id, text)].map(([dependent, effect]) => ({
    id: dependent,
    title: title(dependent),
    tier: analysis.tiers.get(dependent)?.tier ?? 4,
    impact: effect.impact,
    why: effect.why,
    backups: [],
  }));
  return entries.sort((a, b) => a.tier - b.tier || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
