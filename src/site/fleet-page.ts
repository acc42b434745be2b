import type { FailureDomainSummary } from '../core/analysis/blast/model.ts';
import type { Tier } from '../core/tier.ts';

/** One cluster of a fleet, as its dashboard row shows it. */
export interface FleetCluster {
  /** The folder its site is in (`prod/`): the name given on the command line. */
  name: string;
  /** The inventory's own cluster name. */
  cluster: string;
  takenAt: string;
  /** The tierbook version that wrote the inventory, when it recorded one. */
  tierbook?: string;
  workloads: Record<Tier, number>;
  findings: { high: number; medium: number; low: number };
  /** Tier-0/1 workloads that keep data and that no backup covers (backup-missing). */
  unprotected: number;
  /** The worst failure domains, worst first. */
  worst: FailureDomainSummary[];
  partial: boolean;
}

/**
 * The fleet dashboard (`tierbook build --content prod=DIR --content lab=DIR`): one row per
 * cluster answering "where is the risk", each linking to that cluster's own site in its
 * folder (`prod/`, permalinks stable per cluster). Static HTML, no script, every text escaped.
 */
export function renderFleetPage(clusters: readonly FleetCluster[]): string {
  const rows = clusters.map((c) => {
    const worst =
      c.worst.length === 0
        ? '<li>no failure domain loses data or goes dark</li>'
        : c.worst.map((d) => `<li><code>${esc(d.target)}</code>: ${esc(d.summary)}</li>`).join('');
    const tiers = ([0, 1, 2, 3, 4] as const).map((t) => `${c.workloads[t]}`).join(' / ');
    return `<section class="cluster" id="${esc(c.name)}">
<h2><a href="${esc(c.name)}/">${esc(c.name)}</a> <small>${esc(c.cluster)}</small></h2>
<p class="meta">Inventory taken ${esc(c.takenAt)}${c.tierbook === undefined ? '' : ` by tierbook ${esc(c.tierbook)}`}${c.partial ? ' · <strong>partial read</strong>: what was not read is not counted' : ''}</p>
<table><tbody>
<tr><th scope="row">Workloads by tier 0 / 1 / 2 / 3 / 4</th><td>${tiers}</td></tr>
<tr><th scope="row">Findings</th><td><a href="${esc(c.name)}/findings/">${c.findings.high} high, ${c.findings.medium} medium, ${c.findings.low} low</a></td></tr>
<tr><th scope="row">Tier-0/1 workloads no backup covers</th><td>${c.unprotected}</td></tr>
</tbody></table>
<h3>Worst failure domains</h3>
<ul>${worst}</ul>
</section>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'">
<title>Fleet: ${clusters.length} cluster${clusters.length === 1 ? '' : 's'} · tierbook</title>
<link rel="stylesheet" href="fleet.css">
</head>
<body>
<header><p><strong>tierbook</strong> fleet</p>
<nav aria-label="Clusters"><ul>${clusters.map((c) => `<li><a href="${esc(c.name)}/">${esc(c.name)}</a></li>`).join('')}</ul></nav></header>
<main>
<h1>What is at risk, cluster by cluster</h1>
${rows.join('\n')}
</main>
</body>
</html>
`;
}

export const FLEET_CSS = `body { font-family: system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; line-height: 1.45; color: #111; background: #fff; }
@media (prefers-color-scheme: dark) { body { color: #eee; background: #111; } a { color: #8cf; } th, td { border-color: #444; } }
header nav ul { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.cluster { border: 1px solid #888; padding: 0.5rem 1rem; margin: 1rem 0; overflow-wrap: anywhere; }
.cluster h2 small { font-weight: normal; font-size: 0.8em; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
@media print { .cluster { break-inside: avoid; } }
`;

/** Text for HTML: every character that could end an attribute or start markup, escaped. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
