import { createHash } from 'node:crypto';

/**
 * The site's Content-Security-Policy. Every page allows only the site's own files: scripts
 * (theme.js, search.js, Pagefind's JS and WebAssembly), stylesheets, images and the search
 * index. No inline script runs, none is hashed: the site has none, and hashing whatever a page
 * holds would bless a script that cluster text had smuggled in. The one inline content allowed
 * is the styling of the drawn diagrams: each Mermaid SVG carries a `<style>` element and
 * `style` attributes, allowed by their SHA-256 hashes (`style-src-elem`, and `style-src-attr`
 * with 'unsafe-hashes'), and only those found inside an `<svg>` element.
 *
 * `form-action 'self'`: the search box in every header submits to the site's search page.
 * `frame-ancestors` is ignored in a meta tag: servers add it (see `headerPolicy`).
 */
const BASE: readonly (readonly [string, ...string[]])[] = [
  ['default-src', "'none'"],
  // Pagefind compiles its WebAssembly search engine: 'wasm-unsafe-eval' allows that, not eval().
  ['script-src', "'self'", "'wasm-unsafe-eval'"],
  ['style-src', "'self'"],
  // Pagefind's stylesheet draws its search icon with a data: mask image.
  ['img-src', "'self'", 'data:'],
  ['font-src', "'self'"],
  // Pagefind fetches its index, fragments and WebAssembly.
  ['connect-src', "'self'"],
  ['base-uri', "'none'"],
  ['form-action', "'self'"],
];

/** What only a response header can say: the site may not be framed. */
const HEADER_ONLY = "frame-ancestors 'none'";

export interface InlineStyles {
  /** Text of each `<style>` element inside an SVG, as the browser reads it. */
  elements: readonly string[];
  /** Value of each `style` attribute inside an SVG, as the browser reads it. */
  attributes: readonly string[];
}

/** The policy of a page with these inline styles (none: the policy of every non-page file). */
export function contentSecurityPolicy(styles: InlineStyles = { elements: [], attributes: [] }): string {
  const directives: string[][] = BASE.map((d) => [...d]);
  const elements = hashes(styles.elements);
  const attributes = hashes(styles.attributes);
  if (elements.length > 0) directives.push(['style-src-elem', "'self'", ...elements]);
  if (attributes.length > 0) directives.push(['style-src-attr', "'unsafe-hashes'", ...attributes]);
  return directives.map((d) => d.join(' ')).join('; ');
}

/** The policy a server sends with a file: the page's own (from its meta tag) plus header-only directives. */
export function headerPolicy(html?: string): string {
  const own = html === undefined ? null : pagePolicy(html);
  return `${own ?? contentSecurityPolicy()}; ${HEADER_ONLY}`;
}

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/** The policy in a page's meta tag, or null. */
export function pagePolicy(html: string): string | null {
  const found = META.exec(html);
  return found?.[1] ?? null;
}

/**
 * The page with its policy meta tag (replacing one an earlier build wrote) as the first
 * thing after `<meta charset>`, before any script or stylesheet it governs.
 */
export function withContentSecurityPolicy(html: string): string {
  const page = html.replace(META, '');
  const policy = contentSecurityPolicy(svgInlineStyles(page));
  // Keywords in single quotes and base64 hashes: nothing in it needs escaping in the attribute.
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  const anchor = /<meta charset="?utf-8"?\s*\/?>/i.exec(page) ?? /<head(?:\s[^>]*)?>/i.exec(page);
  if (!anchor) throw new Error('a page without <head>: cannot give it a Content-Security-Policy');
  const at = anchor.index + anchor[0].length;
  return `${page.slice(0, at)}${meta}${page.slice(at)}`;
}

/** The `<style>` texts and `style` attribute values inside the page's SVG elements. */
export function svgInlineStyles(html: string): InlineStyles {
  const elements: string[] = [];
  const attributes: string[] = [];
  for (const svg of svgRanges(html)) {
    for (const style of svg.matchAll(/<style(?:\s[^>]*)?>([\s\S]*?)<\/style>/gi)) {
      // SVG is foreign content: its <style> text is parsed with character references decoded.
      elements.push(decodeEntities(style[1] ?? ''));
    }
    for (const attribute of svg.matchAll(/\sstyle=(?:"([^"]*)"|'([^']*)')/gi)) {
      attributes.push(decodeEntities(attribute[1] ?? attribute[2] ?? ''));
    }
  }
  return { elements, attributes };
}

/** Each outermost `<svg>…</svg>` of the page (nested ones are inside it). */
function svgRanges(html: string): string[] {
  const ranges: string[] = [];
  const tags = /<(\/?)svg(?=[\s>/])[^>]*>/gi;
  let depth = 0;
  let start = 0;
  for (const tag of html.matchAll(tags)) {
    const closing = tag[1] === '/';
    const selfClosing = !closing && tag[0].endsWith('/>');
    if (!closing && !selfClosing) {
      if (depth === 0) start = tag.index;
      depth += 1;
    } else if (closing && depth > 0) {
      depth -= 1;
      if (depth === 0) ranges.push(html.slice(start, tag.index + tag[0].length));
    }
  }
  return ranges;
}

function hashes(texts: readonly string[]): string[] {
  return [...new Set(texts)]
    .map((text) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`)
    .sort();
}

const NAMED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

/**
 * Character references as a browser decodes them, for what serialisers write: the five XML
 * ones, nbsp and numeric ones. Another named one is left as it is: its hash then does not
 * match and the browser reports the blocked style (the e2e test collects every report).
 */
function decodeEntities(text: string): string {
  return text.replace(/&(?:#x([0-9a-f]+)|#([0-9]+)|([a-z]+));/gi, (whole, hex, dec, name) => {
    const code = hex ? Number.parseInt(hex, 16) : dec ? Number.parseInt(dec, 10) : null;
    if (code === null) return NAMED[name] ?? whole;
    return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
  });
}
