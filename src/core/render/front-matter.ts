import matter from 'gray-matter';
import type { Json } from '../model.ts';
import { yamlPieces } from './yaml-block.ts';

const OPTIONS = { lineWidth: -1, noRefs: true } as Parameters<typeof matter.stringify>[2];
/** Strings whose YAML form js-yaml chose (non-ASCII, a leading digit or indicator), by text. */
const scalars = new Map<string, string>();
const MAX_SCALARS = 50_000;

/**
 * YAML front matter as gray-matter writes it: no line folding and no anchors, so the same data
 * always gives the same bytes and diffs show only what changed. `yamlBlock` writes the same
 * bytes as gray-matter's js-yaml, faster; what it does not cover goes to gray-matter.
 */
export function withFrontMatter(data: Record<string, Json>, body: string): string {
  return textOf(frontMatterPieces(data, body));
}

/**
 * withFrontMatter's text as pieces (their concatenation is the text): the YAML in chunks of a
 * few KB, never joined. A large page (a storage page's every impact, megabytes) written piece
 * by piece (content-dir.ts) is never one flat string: each such string is memory the process
 * touches fresh, a page fault per 4 KB (decision 84).
 */
export function frontMatterPieces(data: Record<string, Json>, body: string): PageText {
  const yaml = body.startsWith('---') || body.startsWith('\uFEFF') ? undefined : yamlPieces(data, scalarOf);
  if (yaml === undefined) return matter.stringify(body, data, OPTIONS);
  const end = body.endsWith('\n') ? body : `${body}\n`;
  if (yaml.length === 1 && yaml[0] === '{}') return end;
  return ['---\n', ...yaml, '\n---\n', end];
}

/** A page's text, or the pieces it is the concatenation of. */
export type PageText = string | readonly string[];

/** The one flat string a page's text is. */
export function textOf(text: PageText): string {
  return flat(typeof text === 'string' ? text : text.join(''));
}

/**
 * The same string as one flat sequence of characters. Text built by appending (the front
 * matter above) is a rope in V8: a tree of every piece appended, ten times the bytes of the
 * text on a large page, which the garbage collector walks again and again while the pages wait
 * to be written. Reading a character makes V8 flatten it once.
 */
export function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** One string's YAML form, asked of js-yaml through gray-matter: `---\nk: FORM\n---\n\n`. */
function scalarOf(text: string): string {
  let form = scalars.get(text);
  if (form === undefined) {
    form = matter.stringify('', { k: text }, OPTIONS).slice('---\nk: '.length, -'\n---\n\n'.length);
    if (scalars.size >= MAX_SCALARS) scalars.clear();
    scalars.set(text, form);
  }
  return form;
}

/**
 * Drops `undefined` (YAML would print it as null or fail) and keeps the rest JSON-safe: what
 * `JSON.parse(JSON.stringify(value))` gives. Plain data (the page entries) is copied directly,
 * without writing and reading back a text as long as the page's front matter; anything else
 * (a `toJSON`, a class instance, a `__proto__` key, very deep nesting) takes the round trip.
 */
export function toJson(value: unknown): Json {
  const copy = plainCopy(value, 0);
  return copy === NOT_PLAIN || copy === SKIP ? (JSON.parse(JSON.stringify(value)) as Json) : copy;
}

const NOT_PLAIN: unique symbol = Symbol('not plain data');
const MAX_DEPTH = 200;

/** `value` as JSON would give it back; `SKIP` where JSON leaves a key out (or writes null in an array). */
function plainCopy(value: unknown, depth: number): Json | typeof NOT_PLAIN | typeof SKIP {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 reads back as 0; NaN and the infinities as null.
      return Number.isFinite(value) ? value + 0 : null;
    case 'undefined':
    case 'function':
    case 'symbol':
      return depth === 0 ? NOT_PLAIN : SKIP;
    case 'object':
      break;
    default:
      return NOT_PLAIN;
  }
  if (value === null) return null;
  if (depth >= MAX_DEPTH) return NOT_PLAIN;
  if (Array.isArray(value)) {
    if (Object.getPrototypeOf(value) !== Array.prototype) return NOT_PLAIN;
    const out: Json[] = new Array(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = plainCopy(value[i], depth + 1);
      if (item === NOT_PLAIN) return NOT_PLAIN;
      out[i] = item === SKIP ? null : item;
    }
    return out;
  }
  const proto = Object.getPrototypeOf(value);
  if ((proto !== Object.prototype && proto !== null) || 'toJSON' in value) return NOT_PLAIN;
  const out: { [key: string]: Json } = {};
  for (const key of Object.keys(value)) {
    if (key === '__proto__') return NOT_PLAIN;
    const item = plainCopy((value as Record<string, unknown>)[key], depth + 1);
    if (item === NOT_PLAIN) return NOT_PLAIN;
    if (item !== SKIP) out[key] = item;
  }
  return out;
}

const SKIP: unique symbol = Symbol('left out');
