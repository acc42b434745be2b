/**
 * Text from the cluster inside Mermaid source. A quoted label still lets `"` end it, and
 * Mermaid reads `#…;` as an entity, brackets and pipes as syntax and `<…>` as HTML. Every
 * character outside a small safe set is therefore written as a numeric entity code, which
 * Mermaid turns back into that character as text.
 */
const SAFE = /^[A-Za-z0-9 ._/:,+=@-]$/;

export function mermaidLabel(text: string): string {
  return `"${escaped(text)}"`;
}

/** Several lines in one label, each escaped, joined by the one markup tierbook writes: `<br/>`. */
export function mermaidLines(lines: readonly string[]): string {
  return `"${lines.map(escaped).join('<br/>')}"`;
}

function escaped(text: string): string {
  let out = '';
  for (const char of text) out += SAFE.test(char) ? char : `#${char.codePointAt(0)};`;
  return out;
}

/**
 * Node links are URLs tierbook made from content file names, relative to the page: anything
 * else (a scheme, a quote, a space) is a bug, never passed through.
 */
const SAFE_URL = /^(?:\.\.\/|\.\/)*[A-Za-z0-9._~%/-]*(?:#[A-Za-z0-9._-]+)?$/;

export function mermaidUrl(url: string): string {
  if (!SAFE_URL.test(url) || url.startsWith('//')) {
    throw new Error(`refusing to link a diagram node to ${JSON.stringify(url)}: not a relative page URL`);
  }
  return `"${url}"`;
}
