import type { BoundRunbook } from '../../core/runbooks/model.ts';
import { checklistHtml } from './checklist.ts';
import { text } from './html.ts';

export interface PrintDocument {
  /** The whole page: no script, no link, nothing fetched. */
  html: string;
  /** Chromium's page header and footer (page.pdf headerTemplate/footerTemplate). */
  headerTemplate: string;
  footerTemplate: string;
}

/**
 * An incident id from a time: `INC-YYYYMMDD-HHMM` in UTC (`INC-20261124-0600`). The site's
 * script makes the same from the browser's clock (public/runbook.js).
 */
export function incidentIdAt(iso: string): string {
  const t = new Date(iso);
  const p = (n: number) => String(n).padStart(2, '0');
  return `INC-${t.getUTCFullYear()}${p(t.getUTCMonth() + 1)}${p(t.getUTCDate())}-${p(t.getUTCHours())}${p(t.getUTCMinutes())}`;
}

/**
 * The standalone document `tierbook print` turns into a PDF: the checklist with the site's
 * runbook stylesheet inlined (`css`, public/runbook.css), and a header and footer on every page
 * with the incident, the runbook and its hash, the cluster, the inventory time and "Page N of M".
 */
export function printDocument(
  bound: BoundRunbook,
  options: { incident: string; printedAt: string; css: string },
): PrintDocument {
  const title = `${options.incident} · ${bound.title}`;
  const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>${text(title)}</title>
<style>${options.css.replace(/<\/style/gi, '')}</style>
</head>
<body class="rb-print">
${checklistHtml(bound, { incident: options.incident, printedAt: options.printedAt })}
</body>
</html>
`;
  // Chromium draws these apart from the page, with no style of its own: sizes are set here.
  const style =
    "font-family:'DejaVu Sans',Arial,sans-serif;font-size:8pt;color:#000;width:100%;margin:0 12mm;display:flex;justify-content:space-between;gap:6mm";
  const target = bound.target ?? 'whole cluster';
  const headerTemplate = `<div style="${style}"><span><b>${text(options.incident)}</b> · ${text(bound.id)} ${text(target)}</span><span>hash ${text(bound.hash)} · ${text(bound.cluster)} · inventory ${text(bound.inventoryTakenAt)}</span></div>`;
  const footerTemplate = `<div style="${style}"><span>${text(bound.title)} · v${text(bound.version)}</span><span>Page <span class="pageNumber"></span> of <span class="totalPages"></span></span></div>`;
  return { html, headerTemplate, footerTemplate };
}
