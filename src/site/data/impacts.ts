import type { FindingEntry, ImpactEntry } from './content-model.ts';
import type { PageIndex } from './page-index.ts';
import type { ImpactGroup } from './site-model.ts';
import type { FindingRow } from './view-rows.ts';

/** Impacts grouped by tier (strictest first), in the core's order within each tier. */
export function groupByTier(impacts: readonly ImpactEntry[], index: PageIndex): ImpactGroup[] {
  const groups = new Map<number | null, ImpactGroup>();
  for (const i of impacts) {
    const group = groups.get(i.tier) ?? { tier: i.tier, rows: [] };
    group.rows.push({ ...i, url: index.url(i.id) });
    groups.set(i.tier, group);
  }
  return [...groups.values()].sort((a, b) => (a.tier ?? 99) - (b.tier ?? 99));
}

export function findingRows(findings: readonly FindingEntry[], index: PageIndex): FindingRow[] {
  return findings.map((f) => ({ ...f, url: f.id ? index.url(f.id) : null }));
}
