import type { Impact } from './content-model.ts';
import { IMPACTS } from './content-model.ts';
import type { ImpactRow } from './site-model.ts';

/** Rows of one tier's impact table beyond its data-loss rows: a node can take thousands down. */
export const IMPACT_ROWS = 40;

/**
 * Data-loss rows one tier's table lists: a pool of a large cluster loses the data of thousands
 * of workloads, and a page naming each (with why) passed 500 KB. The rest are counted, and the
 * page links them all as JSON.
 */
export const DATA_LOSS_ROWS = 100;

/**
 * What a tier's impact table lists: the workloads that lose data first (up to `lossLimit`,
 * never folded behind the others), then the others in the core's order up to `limit`; the rest
 * are counted by impact, so the page stays readable (and under budget) while saying exactly
 * how many it does not name.
 */
export function shownImpacts(
  rows: readonly ImpactRow[],
  limit = IMPACT_ROWS,
  lossLimit = DATA_LOSS_ROWS,
): { shown: ImpactRow[]; more: { impact: Impact; count: number }[]; hidden: number } {
  const losses = rows.filter((r) => r.impact === 'data-loss');
  const rest = rows.filter((r) => r.impact !== 'data-loss');
  const kept = new Set([...losses.slice(0, lossLimit), ...rest.slice(0, limit)]);
  const shown = rows.filter((r) => kept.has(r));
  const hiddenRows = rows.filter((r) => !kept.has(r));
  const more = IMPACTS.map((impact) => ({
    impact,
    count: hiddenRows.filter((r) => r.impact === impact).length,
  })).filter((m) => m.count > 0);
  return { shown, more, hidden: hiddenRows.length };
}
