import type { ImpactEntry } from '../inventory/model.ts';

/**
 * How many entries a page lists before it summarises the rest. A pool or OSD page naming every
 * workload of a large cluster is unreadable and made the inventory quadratic (every such page
 * as long as the cluster). A workload page's front matter keeps its full lists (they are
 * bounded by what one workload touches); a storage page's go to a JSON file beside it
 * (storage-page-lists.ts).
 */
export const LISTED = 50;

/**
 * The first `LISTED` items, plus every later one `always` keeps (a tier-0 workload losing data
 * is never hidden behind the cap), and what was left out.
 */
export function capItems<T>(
  items: readonly T[],
  always: (item: T) => boolean = () => false,
): { shown: T[]; rest: T[] } {
  if (items.length <= LISTED) return { shown: [...items], rest: [] };
  const shown: T[] = [];
  const rest: T[] = [];
  items.forEach((item, i) => {
    (i < LISTED || always(item) ? shown : rest).push(item);
  });
  return { shown, rest };
}

/** A tier-0 workload that loses data: listed whatever the cap. */
export function mustList(impact: ImpactEntry): boolean {
  return impact.impact === 'data-loss' && impact.tier === 0;
}

/** "3 data-loss (tier 1: 2, tier 2: 1), 40 unavailable (tier 3: 40)": impacts not listed. */
export function impactTally(impacts: readonly Pick<ImpactEntry, 'impact' | 'tier'>[]): string {
  const byImpact = new Map<string, Map<number, number>>();
  for (const i of impacts) {
    const tiers = byImpact.get(i.impact) ?? new Map<number, number>();
    tiers.set(i.tier, (tiers.get(i.tier) ?? 0) + 1);
    byImpact.set(i.impact, tiers);
  }
  return [...byImpact]
    .map(([impact, tiers]) => {
      const total = [...tiers.values()].reduce((a, b) => a + b, 0);
      const parts = [...tiers]
        .sort(([a], [b]) => a - b)
        .map(([tier, n]) => `tier ${tier}: ${n}`)
        .join(', ');
      return `${total} ${impact} (${parts})`;
    })
    .join(', ');
}
