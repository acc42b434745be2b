import { esc } from './fleet-page.ts';

/** What the switcher of one page needs: the fleet, this page's cluster and URL, and which pages each cluster has. */
export interface SwitcherPage {
  /** The fleet's cluster folders in command-line order (`prod`, `lab`). */
  clusters: readonly string[];
  current: string;
  /** The page's URL from its cluster's root: `workloads/x/`, '' for the cluster's home. */
  url: string;
  /** Whether `cluster` has a page at `url`. */
  has(cluster: string, url: string): boolean;
}

/** The fleet's stylesheet for the switcher, at the fleet's root beside index.html. */
export const SWITCHER_CSS_FILE = 'cluster-switch.css';

/**
 * The cluster switcher in a fleet's pages: a disclosure (`<details>`, so it opens without
 * JavaScript) listing every cluster, each linking to this page in that cluster when it has it,
 * else to its home, and the fleet dashboard. Links are relative, so the fleet works under any
 * path. The `data-fleet-*` attributes tell the search page where each cluster's index is.
 */
export function clusterSwitcher(page: SwitcherPage): string {
  const up = fleetRootFrom(page.url);
  const items = page.clusters.map((name) => {
    const root = `${up}${name}/`;
    const same = page.url === '' || page.has(name, page.url);
    const current = name === page.current ? ' aria-current="page"' : '';
    const note = same ? '' : ' <small>(its dashboard: no such page)</small>';
    return `<li><a href="${esc(root + (same ? page.url : ''))}"${current} data-fleet-cluster="${esc(name)}" data-fleet-root="${esc(root)}">${esc(name)}</a>${note}</li>`;
  });
  return `<details class="cluster-switch"><summary>Cluster: <strong>${esc(page.current)}</strong></summary><nav aria-label="Clusters"><ul>${items.join('')}<li class="fleet-home"><a href="${esc(up)}">Fleet dashboard</a></li></ul></nav></details>`;
}

/**
 * A built page with the switcher after its brand link (the top of the header) and the fleet's
 * stylesheet in its head. A redirect left at a moved permalink is returned as it is; any other
 * page without the site's header is an error: a fleet page with no way to the other clusters is
 * a bug to see, not to ship.
 */
export function withClusterSwitcher(html: string, page: SwitcherPage, file: string): string {
  if (/<meta http-equiv="refresh"/i.test(html)) return html;
  const brand = /<a class="brand"[^>]*>[\s\S]*?<\/a>/.exec(html);
  const header = brand ?? /<header\b[^>]*>/.exec(html);
  const head = html.lastIndexOf('</head>');
  if (header === null || head < 0) throw new Error(`${file}: no site header to put the cluster switcher in`);
  const at = header.index + header[0].length;
  const css = `<link rel="stylesheet" href="${esc(fleetRootFrom(page.url) + SWITCHER_CSS_FILE)}">`;
  return `${html.slice(0, head)}${css}${html.slice(head, at)}${clusterSwitcher(page)}${html.slice(at)}`;
}

/** From a cluster's page at `url` up to the fleet's root, one level above the cluster's. */
function fleetRootFrom(url: string): string {
  return '../'.repeat(url.split('/').filter(Boolean).length + 1);
}

export const SWITCHER_CSS = `/* tierbook fleet: the cluster switcher in each cluster's header (the site's colours). */
.cluster-switch { position: relative; }
.cluster-switch summary { cursor: pointer; padding: 0.25rem 0.5rem; border: 1px solid var(--line, #888); border-radius: 0.25rem; background: var(--bg, #fff); }
.cluster-switch[open] nav { position: absolute; left: 0; top: calc(100% + 0.25rem); z-index: 20; min-width: 14rem; max-width: calc(100vw - 2rem); padding: 0.5rem 0.75rem; border: 1px solid var(--line, #888); border-radius: 0.25rem; background: var(--bg, #fff); box-shadow: 0 0.25rem 0.75rem rgb(0 0 0 / 0.2); }
.site-header .cluster-switch nav ul { display: block; }
.cluster-switch li { padding: 0.25rem 0; }
.cluster-switch a[aria-current="page"] { font-weight: bold; color: var(--fg, inherit); }
.cluster-switch small { color: var(--muted, inherit); }
.cluster-switch .fleet-home { border-top: 1px solid var(--line, #888); margin-top: 0.25rem; padding-top: 0.5rem; }
@media (max-width: 40rem) { .cluster-switch[open] nav { position: static; margin-top: 0.25rem; box-shadow: none; } }
@media print { .cluster-switch { display: none; } }
`;
