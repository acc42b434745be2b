import type { Impact } from './content-model.ts';
import { IMPACTS } from './content-model.ts';
import type { ImpactRow } from './site-model.ts';

/** Rows of one tier's impact table beyond every data-loss row: a node can take thousands down. */
export const IMPACT_ROWS = 40;

/**
 * What a tier's impact table lists: every workload that loses data (never folded away), then
 * the others in the core's order up to `limit`; the rest are counted by impact, so the page
 * stays readable (and under budget) while saying exactly how many it does not name.
 */
export function shownImpacts(
  rows: readonly ImpactRow[],
  limit = IMPACT_ROWS,
): { shown: ImpactRow[]; more: { impact: Impact; count: number }[]; hidden: number } {
  const rest = rows.filter((r) => r.impact !== 'data-loss');
  const kept = new Set(rest.slice(0, limit));
  const shown = rows.filter((r) => r.impact === 'data-loss' || kept.has(r));
  const hiddenRows = rest.slice(limit);
  const more = IMPACTS.map((impact) => ({
    impact,
    count: hiddenRows.filter((r) => r.impact === impact).length,
  })).filter((m) => m.count > 0);
  return { shown, more, hidden: hiddenRows.length };
}
