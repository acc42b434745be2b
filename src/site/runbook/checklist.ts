import type { BoundRunbook, GateStatus } from '../../core/runbooks/model.ts';
import { attr, blankLine, inline, targetName, text } from './html.ts';
import { fillInList, prose, stepsHtml } from './steps.ts';

export interface ChecklistOptions {
  /** The incident this copy is for; null prints a blank line to write it on. */
  incident: string | null;
  /** When the copy was printed (shown at the end); null for the site page. */
  printedAt: string | null;
}

/**
 * A bound runbook as one checklist: the facts that identify it, the gates, what to fill in, the
 * steps, the sources. The same markup is the PDF (print-document.ts) and the site's runbook page
 * (the page adds check-off on screen with public/runbook.js, from the `data-` attributes).
 * Pure: a string out; every text from the runbook or the inventory is escaped.
 */
export function checklistHtml(bound: BoundRunbook, options: ChecklistOptions): string {
  const data =
    attr('data-runbook', bound.id) +
    attr('data-target', bound.target ?? '') +
    attr('data-confirm', targetName(bound.target, bound.cluster)) +
    attr('data-hash', bound.hash) +
    attr('data-cluster', bound.cluster) +
    attr('data-version', bound.version) +
    attr('data-title', bound.title);
  return `<article class="runbook"${data}>
<header class="rb-head">
<h1>${text(bound.title)}</h1>
${factsHtml(bound, options.incident)}
</header>
${prose(bound.intro)}${gatesHtml(bound)}
${orderHtml(bound)}${bound.fillIns.length > 0 ? `<section class="rb-fillins" aria-labelledby="rb-fillins"><h2 id="rb-fillins">To fill in (the inventory does not know)</h2>${fillInList(bound.fillIns)}</section>\n` : ''}<section class="rb-steps" aria-labelledby="rb-steps">
<h2 id="rb-steps">Steps</h2>
${stepsHtml(bound.steps)}
</section>
${sourcesHtml(bound.sources)}
<p class="rb-end">${options.printedAt ? `Printed ${text(options.printedAt)}. ` : ''}What was printed is what was checked: runbook <code>${text(bound.id)}</code> version ${text(bound.version)}, hash <code>${text(bound.hash)}</code>.</p>
</article>`;
}

function factsHtml(bound: BoundRunbook, incident: string | null): string {
  const facts: [string, string][] = [
    ['Incident', incident === null ? blankLine('incident id') : `<strong>${text(incident)}</strong>`],
    [
      'Runbook',
      `<code>${text(bound.id)}</code> version ${text(bound.version)}, hash <code>${text(bound.hash)}</code>`,
    ],
    ['Target', bound.target === null ? 'the whole cluster' : `<code>${text(bound.target)}</code>`],
    ['Cluster', text(bound.cluster)],
    [
      'Inventory taken',
      `<time${attr('datetime', bound.inventoryTakenAt)}>${text(bound.inventoryTakenAt)}</time>`,
    ],
    [
      'Written for',
      `${bound.tier === null ? 'any tier' : `tier ${bound.tier}`}, recovery within ${text(bound.rto)}`,
    ],
  ];
  const rows = facts.map(
    ([k, v]) => `<div><dt>${k}</dt><dd${k === 'Incident' ? ' data-field="incident"' : ''}>${v}</dd></div>`,
  );
  return `<dl class="rb-facts">${rows.join('')}</dl>`;
}

const STATUS_WORD: Readonly<Record<GateStatus, string>> = { pass: 'PASS', fail: 'FAIL', unknown: 'UNKNOWN' };

function gatesHtml(bound: BoundRunbook): string {
  const head = '<h2 id="rb-gates">Gates: read before step 1</h2>';
  if (bound.gates.length === 0) {
    return `<section class="rb-gates" aria-labelledby="rb-gates">${head}<p>No gate was computed for this runbook.</p></section>`;
  }
  const rows = bound.gates.map(
    (g) =>
      `<tr${attr('class', `rb-gate rb-gate-${g.status}`)}><td class="rb-status">${STATUS_WORD[g.status]}</td><td><code>${text(g.id)}</code></td><td>${inline(g.message)}</td></tr>`,
  );
  const failing = bound.gates.filter((g) => g.status !== 'pass').length;
  const summary =
    failing === 0
      ? '<p>Every gate passes.</p>'
      : `<p class="rb-gate-warning"><strong>${failing} of ${bound.gates.length} gates do not pass.</strong> Unknown is not a pass: find out before step 1, or write down who decided to go on and why.</p>`;
  return `<section class="rb-gates" aria-labelledby="rb-gates">${head}${summary}<table><thead><tr><th scope="col">Status</th><th scope="col">Gate</th><th scope="col">Why</th></tr></thead><tbody>${rows.join('')}</tbody></table></section>`;
}

function orderHtml(bound: BoundRunbook): string {
  if (bound.order.length === 0) return '';
  const items = bound.order.map(
    (o) => `<li><code>${text(o.workload)}</code> (tier ${o.tier}): ${text(o.why)}</li>`,
  );
  return `<section class="rb-order" aria-labelledby="rb-order"><h2 id="rb-order">Restore order (dependencies first)</h2><ol>${items.join('')}</ol></section>\n`;
}

function sourcesHtml(sources: Record<string, string>): string {
  const keys = Object.keys(sources).sort();
  if (keys.length === 0) return '';
  const items = keys.map(
    (k) => `<li><strong>${text(k)}</strong> <span class="rb-url">${text(sources[k] ?? '')}</span></li>`,
  );
  return `<section class="rb-sources" aria-labelledby="rb-sources"><h2 id="rb-sources">Sources</h2><ul>${items.join('')}</ul></section>`;
}
