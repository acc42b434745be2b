import type { Analysis } from '../model.ts';
import type { Tier } from '../tiers/model.ts';
import { blastRadius } from './blast-radius.ts';
import {
  type BlastResult,
  type FailureDomainSummary,
  IMPACT_ORDER,
  type Impact,
  type Target,
} from './model.ts';
import { FAILURE_DOMAIN_TYPES, knownTargets } from './targets.ts';

/**
 * Every failure domain the inventory knows (OSDs, disks, nodes, pools, classes) with what
 * losing it would take, worst first: the strictest tier that loses data, then how many lose
 * data, go dark, degrade.
 */
export function failureDomains(analysis: Analysis): FailureDomainSummary[] {
  const targets = knownTargets(analysis, FAILURE_DOMAIN_TYPES);
  return rankFailureDomains(
    targets.map((target) => summarizeFailureDomain(target, blastRadius(analysis, target))),
  );
}

/** One failure domain's line, from a blast result already computed for it. */
export function summarizeFailureDomain(target: Target, result: BlastResult): FailureDomainSummary {
  const counts: Record<Impact, number> = { 'data-loss': 0, unavailable: 0, degraded: 0 };
  let worstTier: Tier | null = null;
  for (const impact of result.impacts) {
    counts[impact.impact]++;
    if (impact.impact === 'data-loss' && (worstTier === null || impact.tier < worstTier))
      worstTier = impact.tier;
  }
  return {
    target: target.text,
    type: target.type,
    node: target.nodes[0] ?? '',
    counts,
    worstTier,
    summary: summarize(counts, worstTier),
  };
}

/** Worst first: the strictest tier that loses data, then how many lose data, go dark, degrade. */
export function rankFailureDomains(summaries: FailureDomainSummary[]): FailureDomainSummary[] {
  return summaries.sort(
    (a, b) =>
      (a.worstTier ?? 5) - (b.worstTier ?? 5) ||
      b.counts['data-loss'] - a.counts['data-loss'] ||
      b.counts.unavailable - a.counts.unavailable ||
      b.counts.degraded - a.counts.degraded ||
      FAILURE_DOMAIN_TYPES.indexOf(a.type) - FAILURE_DOMAIN_TYPES.indexOf(b.type) ||
      (a.target < b.target ? -1 : a.target > b.target ? 1 : 0),
  );
}

function summarize(counts: Record<Impact, number>, worstTier: Tier | null): string {
  const words: Record<Impact, string> = {
    'data-loss': 'lose data',
    unavailable: 'unavailable',
    degraded: 'degraded',
  };
  const parts = IMPACT_ORDER.filter((i) => counts[i] > 0).map(
    (i) => `${counts[i]} ${words[i]}${i === 'data-loss' && worstTier !== null ? ` (tier ${worstTier})` : ''}`,
  );
  return parts.length > 0 ? parts.join(', ') : 'nothing affected';
}
