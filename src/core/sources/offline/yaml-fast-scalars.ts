/**
 * The scalars the fast YAML reader (yaml-fast.ts) covers, resolved as the full parser's core
 * schema resolves them; anything else throws UNSUPPORTED and the full parser reads the file.
 */

export const UNSUPPORTED = new Error('not in the subset the fast YAML reader covers');

export function unsupported(): never {
  throw UNSUPPORTED;
}

/** Plain scalars the core schema reads as something other than a string, in its order. */
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const BOOL = /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/;
const INT = /^[-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$/;
/** Octal, hex, infinities and NaN: rare in manifests, left to the full parser. */
const OTHER_NUMBER = /^(?:0o|0x|[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)/;
/** Characters that start something other than a plain scalar (or need the full parser's judgement). */
const INDICATORS = new Set([...'!&*{}[]|>\'"%@`#,?:-']);

/** The index of the closing quote of the quoted scalar the line starts with. */
export function quotedEnd(line: string): number | undefined {
  const quote = line[0];
  for (let at = 1; at < line.length; at++) {
    const c = line[at];
    if (quote === '"' && c === '\\') at++;
    else if (c === quote) {
      if (quote === "'" && line[at + 1] === "'") at++;
      else return at;
    }
  }
  return undefined;
}

export function keyOf(text: string): string {
  const first = text[0];
  if (first !== '"' && first !== "'" && (text === '' || text.endsWith(' '))) unsupported();
  const key = first === '"' || first === "'" ? quoted(text) : plain(text);
  // A merge key, a key JavaScript treats specially, a key the schema reads as a number or null.
  if (typeof key !== 'string' || key === '<<' || key === '__proto__') unsupported();
  return key;
}

export function inlineScalar(text: string): unknown {
  if (text === '{}') return {};
  if (text === '[]') return [];
  const first = text[0];
  if (first === '"' || first === "'") return quoted(text);
  return plain(text);
}

function plain(text: string): unknown {
  const first = text[0] as string;
  // `-`, `?` and `:` start a plain scalar when a non-space follows (`-1`, `:9001`).
  if (INDICATORS.has(first) && !('-?:'.includes(first) && text.length > 1 && text[1] !== ' ')) unsupported();
  if (text.includes(' #') || text.includes(': ') || text.endsWith(':')) unsupported();
  if (NULL.test(text)) return null;
  if (BOOL.test(text)) return text[0] === 't' || text[0] === 'T';
  if (OTHER_NUMBER.test(text)) unsupported();
  if (INT.test(text)) return Number.parseInt(text, 10);
  if (FLOAT.test(text)) return Number.parseFloat(text);
  return text;
}

/** A whole quoted scalar on one line; anything after its closing quote is not covered. */
function quoted(text: string): string {
  const close = quotedEnd(text);
  if (close === undefined || close !== text.length - 1) unsupported();
  const inner = text.slice(1, -1);
  if (text[0] === "'") return inner.replaceAll("''", "'");
  if (!inner.includes('\\')) return inner;
  let out = '';
  for (let at = 0; at < inner.length; at++) {
    const c = inner[at] as string;
    if (c !== '\\') {
      out += c;
      continue;
    }
    const e = inner[++at];
    const simple = e === undefined ? undefined : ESCAPES[e];
    if (simple !== undefined) out += simple;
    else if (e === 'x' || e === 'u' || e === 'U') {
      const length = e === 'x' ? 2 : e === 'u' ? 4 : 8;
      const hex = inner.slice(at + 1, at + 1 + length);
      if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== length) unsupported();
      const code = Number.parseInt(hex, 16);
      if (code > 0x10ffff) unsupported();
      out += String.fromCodePoint(code);
      at += length;
    } else unsupported();
  }
  return out;
}

const ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\',
  '"': '"',
  '/': '/',
  n: '\n',
  t: '\t',
  r: '\r',
  '0': '\0',
  b: '\b',
  f: '\f',
};
