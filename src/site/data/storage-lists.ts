import { LISTED } from '../../core/render/capped-list.ts';
import { DATA_LOSS_ROWS } from './impact-rows.ts';
import type { StorageView } from './site-model.ts';
import { slugOf } from './urls.ts';
import { DIRECTORY_TIERS } from './workload-directory.ts';

/**
 * A pool or class of a large cluster holds thousands of workloads: its page names the first
 * LISTED of each list (what lives there, what loses data or goes dark, related objects), says
 * how many more there are, and links the full lists as JSON (`data/storage.<slug>.json`),
 * written only for a page that leaves something out. In content/ they are in the page's lists
 * file (src/core/render/storage-page-lists.ts), which read-content.ts reads back.
 */
export function storageListsUrl(path: string): string {
  return `data/storage.${slugOf(path)}.json`;
}

/** Whether any list of the page is longer than it shows. */
export function storageListsCapped(view: Omit<StorageView, 'lists' | 'workloadCounts'>): boolean {
  const loss = (view.blast?.groups ?? []).some(
    (g) => g.rows.filter((r) => r.impact === 'data-loss').length > DATA_LOSS_ROWS,
  );
  return (
    loss ||
    view.workloads.length > LISTED ||
    (view.verdict?.lose.length ?? 0) > LISTED ||
    (view.verdict?.dark.length ?? 0) > LISTED ||
    view.related.some((r) => r.links.length > LISTED) ||
    (view.blast?.groups ?? []).some((g) => g.rows.length > LISTED)
  );
}

/** Counts per tier and per namespace of the workloads with data here, for a capped table. */
export function workloadCounts(
  workloads: StorageView['workloads'],
  namespaceUrl: (namespace: string) => string | null,
): NonNullable<StorageView['workloadCounts']> {
  const namespaces = new Map<string, number>();
  for (const w of workloads) namespaces.set(w.namespace, (namespaces.get(w.namespace) ?? 0) + 1);
  return {
    tiers: DIRECTORY_TIERS.map((tier) => ({
      tier,
      count: workloads.filter((w) => w.tier === tier).length,
    })).filter((t) => t.count > 0),
    namespaces: [...namespaces]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([namespace, count]) => ({ namespace, count, url: namespaceUrl(namespace) })),
  };
}

/** The JSON a capped storage page links: every list in full, URLs from the site root. */
export function storageListsJson(view: StorageView): unknown {
  return {
    page: { title: view.page.title, url: view.url },
    workloads: view.workloads.map((w) => ({ ...w.link, tier: w.tier, claims: w.claims })),
    blast: view.blast
      ? {
          target: view.page.blast?.target ?? null,
          counts: view.blast.counts,
          impacts: view.blast.groups.flatMap((g) =>
            g.rows.map((r) => ({ title: r.title, url: r.url, tier: r.tier, impact: r.impact, why: r.why })),
          ),
        }
      : null,
    related: Object.fromEntries(view.related.map((r) => [r.label, r.links])),
  };
}
