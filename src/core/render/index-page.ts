import type { RootContent } from 'mdast';
import { SEVERITY_ORDER } from '../analysis/checks/model.ts';
import type { Inventory } from '../inventory/model.ts';
import type { Json } from '../model.ts';
import type { InventoryFrontMatter } from '../schemas/page.ts';
import { frontMatterPieces, type PageText, toJson } from './front-matter.ts';
import { code, heading, list, paragraph, toMarkdown } from './markdown.ts';

/**
 * The inventory's own page: what was read, when, and what could not be read; `tierbook` is the
 * version that wrote it.
 */
export function renderIndexPage(inventory: Inventory, tierbook?: string): PageText {
  const data: InventoryFrontMatter = {
    type: 'inventory',
    title: `Inventory of ${inventory.cluster}`,
    cluster: inventory.cluster,
    takenAt: inventory.takenAt,
    ...(tierbook === undefined ? {} : { tierbook }),
    counts: inventory.counts,
    workloads: inventory.workloads.length,
    storageObjects: inventory.storage.length,
    partial: inventory.partial,
    unreadable: inventory.unreadable,
    notRead: inventory.notRead,
    dangling: inventory.graph.dangling,
    tiers: inventory.tiers,
    failureDomains: inventory.failureDomains,
    findings: {
      counts: Object.fromEntries(
        SEVERITY_ORDER.map((s) => [s, inventory.findings.filter((f) => f.severity === s).length]),
      ),
      high: inventory.findings.filter((f) => f.severity === 'high'),
    },
  };
  const worst = inventory.failureDomains.filter((d) => d.counts['data-loss'] + d.counts.unavailable > 0);
  const body: RootContent[] = [
    heading(1, `Inventory of ${inventory.cluster}`),
    paragraph(
      `Taken at ${inventory.takenAt}: ${inventory.workloads.length} workloads, ${inventory.storage.length} storage objects.`,
    ),
    heading(2, 'Workloads per tier'),
    list(Object.entries(inventory.tiers).map(([tier, n]) => [`tier ${tier}: ${n}`])),
    heading(2, 'Worst failure domains'),
    worst.length === 0
      ? paragraph('No single failure domain takes a workload down.')
      : list(worst.slice(0, 10).map((d) => [code(d.target), `: ${d.summary}`])),
    heading(2, 'Findings'),
    paragraph(
      SEVERITY_ORDER.map((s) => `${inventory.findings.filter((f) => f.severity === s).length} ${s}`).join(
        ', ',
      ),
      ' (see findings.md).',
    ),
    heading(2, 'What could not be read'),
    ...notReadBody(inventory),
    heading(2, 'Dangling references'),
    inventory.graph.dangling.length === 0
      ? paragraph('None.')
      : list(inventory.graph.dangling.map((d) => [code(d.object), ` ${d.field}: ${d.message}`])),
  ];
  return frontMatterPieces(toJson(data) as Record<string, Json>, toMarkdown(body));
}

/** Forbidden kinds, then offline input not read, then unresolved variables; partial said first. */
function notReadBody(inventory: Inventory): RootContent[] {
  const { unreadable, notRead, warnings } = inventory;
  if (unreadable.length === 0 && notRead.length === 0 && warnings.length === 0)
    return [paragraph('Everything tierbook asked for was read.')];
  const body: RootContent[] = [];
  if (inventory.partial)
    body.push(
      paragraph(
        'This inventory is partial: input that may hold kinds tierbook uses was not read, so what depends on it may be missing.',
      ),
    );
  if (unreadable.length > 0)
    body.push(
      list(unreadable.map((u) => [code(`${u.group || 'core'}/${u.kind}`), ` (${u.reason}): ${u.detail}`])),
    );
  if (notRead.length > 0)
    body.push(
      paragraph('Not read:'),
      list(
        notRead.map((n) => [
          code(n.where),
          ` (${n.needed ? 'may hold kinds tierbook uses' : 'holds only kinds tierbook does not use'}${n.kinds.length > 0 ? `: ${n.kinds.join(', ')}` : ''}): ${n.reason}`,
        ]),
      ),
    );
  if (warnings.length > 0)
    body.push(
      paragraph('Read with unresolved variables:'),
      list(warnings.map((w) => [code(w.where), ` ${w.reason}`])),
    );
  return body;
}
