/**
 * Every page's headings as places to link to, done on the rendered HTML of the page's body so
 * it holds for every page and needs no JavaScript: each h2 and h3 with an id gets a `#`
 * self-link (an h2 without an id gets one from its text), and a page with many sections gets
 * an "On this page" list of its h2s. The HTML is the site's own (Astro escaped every text
 * from the cluster), so a heading's markup cannot hold a `</h2>` that is not its end.
 */

export interface OutlineEntry {
  id: string;
  text: string;
}

/** A page with at least this many h2 sections is long enough for a table of contents. */
export const TOC_MIN_SECTIONS = 4;

const HEADING = /<h([23])(\s[^>]*)?>([\s\S]*?)<\/h\1>/g;

export function outlinePage(html: string): { html: string; toc: OutlineEntry[] } {
  const taken = new Set([...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1] as string));
  // A section hidden until JavaScript fills it (a runbook's check-off panel) is not listed.
  const hidden = new Set(
    [...html.matchAll(/<section\b[^>]*>/g)]
      .filter((m) => /\shidden(?:[\s=>]|$)/.test(m[0]))
      .map((m) => /aria-labelledby="([^"]+)"/.exec(m[0])?.[1]),
  );
  const toc: OutlineEntry[] = [];
  const out = html.replace(HEADING, (whole, level: string, attrs: string | undefined, inner: string) => {
    const text = plainText(inner);
    let id = /\sid="([^"]+)"/.exec(attrs ?? '')?.[1];
    if (!id) {
      if (level !== '2' || text === '') return whole;
      id = uniqueId(anchorSlug(text, 60, 'section'), taken);
    }
    if (level === '2' && !hidden.has(id)) toc.push({ id, text });
    const withId = /\sid="/.test(attrs ?? '') ? (attrs ?? '') : `${attrs ?? ''} id="${id}"`;
    return `<h${level}${withId}>${inner}<a class="heading-anchor" href="#${id}" aria-label="Link to this section" data-pagefind-ignore>#</a></h${level}>`;
  });
  return { html: out, toc: toc.length >= TOC_MIN_SECTIONS ? toc : [] };
}

/**
 * Where the table of contents goes: before the first section after the page's title and a
 * failure domain's verdict (which stays the first thing read).
 */
export function tocPosition(html: string): number {
  const verdict = /<section class="verdict[\s\S]*?<\/section>/.exec(html);
  const title = /<h1[\s>][\s\S]*?<\/h1>/.exec(html);
  const from = Math.max(
    verdict ? verdict.index + verdict[0].length : 0,
    title ? title.index + title[0].length : 0,
  );
  const next = /<(?:section|h2)[\s>]/g;
  next.lastIndex = from;
  return next.exec(html)?.index ?? html.length;
}

function plainText(html: string): string {
  return html
    .replace(/<[^>]*>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Text as an anchor id: lower case, runs of anything else as one `-`, at most `max` long. */
export function anchorSlug(text: string, max: number, fallback: string): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .slice(0, max) || fallback
  );
}

function uniqueId(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * A code block that scrolls sideways can be scrolled from the keyboard: it takes focus
 * (WCAG 2.1.1; axe's scrollable-region-focusable). Blocks that fit take it too: which ones
 * overflow depends on the reader's screen.
 */
export function focusableCode(html: string): string {
  return html.replace(/<pre(?![^>]*\stabindex=)(?=[\s>])/g, '<pre tabindex="0"');
}
