import type { Json } from '../model.ts';
import { Out, piecesFor, remember } from './yaml-out.ts';

/**
 * YAML for front matter, byte for byte what gray-matter's js-yaml 3 `safeDump` writes with
 * `lineWidth: -1, noRefs: true` (block style, two-space indent, sequences indented under their
 * key), only faster: js-yaml decides every scalar's style by trying the schema's resolvers on it,
 * which was a fifth of an inventory's run on a large cluster. A string it cannot settle alone is
 * handed to `scalarOf` (js-yaml itself, cached); a value it does not cover at all (a line break
 * in a key, a multi-line string with a character js-yaml escapes, a non-integer number, a key
 * long enough to be written `? key`) makes it return undefined, and the caller uses js-yaml for
 * the whole document. A multi-line string is written as js-yaml's literal block (`|`).
 */
export function yamlBlock(
  data: Record<string, Json>,
  scalarOf: (text: string) => string,
): string | undefined {
  return yamlPieces(data, scalarOf)?.join('');
}

/** yamlBlock's text as the pieces it is written in, in order; undefined where it is undefined. */
export function yamlPieces(
  data: Record<string, Json>,
  scalarOf: (text: string) => string,
): string[] | undefined {
  try {
    const out = new Out(piecesFor(scalarOf));
    mapping(data, 0, '', out, scalarOf);
    const pieces = out.done();
    if (pieces.length === 0) return ['{}'];
    // gray-matter trims what js-yaml wrote: a last literal block loses its trailing blanks too.
    // Only a literal block can end in a blank (trimming flattens the text: a copy of it).
    return out.literal ? [pieces.join('').trim()] : pieces;
  } catch (error) {
    if (error === UNCOVERED) return undefined;
    throw error;
  }
}

const UNCOVERED = new Error('not covered by the fast YAML writer');

/** js-yaml's `noCompatMode: false`: YAML 1.1 booleans are quoted though not resolved as such. */
const YAML11_BOOLEANS = new Set([
  'y',
  'Y',
  'yes',
  'Yes',
  'YES',
  'on',
  'On',
  'ON',
  'n',
  'N',
  'no',
  'No',
  'NO',
  'off',
  'Off',
  'OFF',
]);
/** Words the core schema reads as null or a boolean, so a string spelled so is quoted. */
const TYPED_WORDS = new Set(['null', 'Null', 'NULL', 'true', 'True', 'TRUE', 'false', 'False', 'FALSE']);

const NEWLINES = Array.from({ length: 32 }, (_, level) => `\n${'  '.repeat(level)}`);

function newline(level: number): string {
  return NEWLINES[level] ?? `\n${'  '.repeat(level)}`;
}

/** `\n    -`: a sequence item's dash after a line break, by level. */
const DASHES = NEWLINES.map((line) => `${line}-`);

/** `lead` then `key:`. */
function keyPiece(lead: string, key: string, out: Out, scalarOf: (text: string) => string): string {
  let byKey = out.pieces.keys.get(lead);
  if (!byKey) {
    byKey = new Map();
    out.pieces.keys.set(lead, byKey);
  }
  const known = byKey.get(key);
  if (known !== undefined) return known;
  const name = scalar(key, scalarOf, KEY);
  if (name.length > 1024) throw UNCOVERED;
  return remember(byKey, key, `${lead}${name}:`);
}

/**
 * A mapping's keys and values. `lead` is what comes before its first key: a line break at its
 * level, a space after a sequence item's dash, or nothing at the top.
 */
function mapping(
  object: { readonly [key: string]: Json },
  level: number,
  lead: string,
  out: Out,
  scalarOf: (text: string) => string,
): void {
  let before = lead;
  for (const key of Object.keys(object)) {
    out.push(keyPiece(before, key, out, scalarOf));
    before = newline(level);
    nested(object[key] as Json, level + 1, out, scalarOf, false);
  }
}

/** A sequence's items; `lead` as for `mapping`, before the first item's dash. */
function sequence(
  items: readonly Json[],
  level: number,
  lead: string,
  out: Out,
  scalarOf: (text: string) => string,
): void {
  for (let i = 0; i < items.length; i++) {
    out.push(i > 0 ? (DASHES[level] ?? `${newline(level)}-`) : `${lead}-`);
    nested(items[i] as Json, level + 1, out, scalarOf, true);
  }
}

/**
 * A value after `key:` or `-`: a non-empty mapping or sequence goes on the next lines (a
 * sequence item's mapping or sequence starts on the dash's line), anything else after a space.
 */
function nested(
  value: Json,
  level: number,
  out: Out,
  scalarOf: (text: string) => string,
  inSequence: boolean,
): void {
  if (typeof value === 'string') {
    // Most values are strings met before: the table holds only single-line ones, so a string
    // found there needs no search for a line break.
    const known = out.pieces.leaves.get(value);
    if (known !== undefined) {
      out.push(known);
      return;
    }
    if (!value.includes('\n')) {
      out.push(remember(out.pieces.leaves, value, ` ${scalar(value, scalarOf, level)}`));
      return;
    }
  } else if (Array.isArray(value)) {
    if (value.length > 0) {
      sequence(value, level, inSequence ? ' ' : newline(level), out, scalarOf);
      return;
    }
  } else if (value !== null && typeof value === 'object') {
    for (const _ in value) {
      mapping(value, level, inSequence ? ' ' : newline(level), out, scalarOf);
      return;
    }
  }
  const text = leaf(value, scalarOf, level);
  if (text.charCodeAt(0) === 0x7c) out.literal = true;
  out.push(` ${text}`);
}

function leaf(value: Json, scalarOf: (text: string) => string, level: number): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (typeof value === 'number') {
    // Integers print as themselves; floats, -0 and huge values take js-yaml's own paths.
    if (Number.isInteger(value) && !Object.is(value, -0) && Math.abs(value) < 1e21) return String(value);
    throw UNCOVERED;
  }
  if (typeof value === 'string') return scalar(value, scalarOf, level);
  if (Array.isArray(value)) return '[]';
  if (typeof value === 'object') return '{}';
  throw UNCOVERED;
}

/** `scalar`'s level for a mapping key, which is never written as a block. */
const KEY = -1;

/**
 * One string: plain when js-yaml would write it plain, quoted when it would quote it, a literal
 * block when it holds a line break. `level` is js-yaml's nesting level of the value (KEY for a key).
 */
function scalar(text: string, scalarOf: (text: string) => string, level: number): string {
  if (text.length === 0) return "''";
  if (text.includes('\n')) {
    if (level === KEY) throw UNCOVERED;
    return literalBlock(text, level);
  }
  if (YAML11_BOOLEANS.has(text)) return `'${text}'`;
  // A first character that could start a number, a date, null or an indicator: js-yaml decides.
  const first = text.charCodeAt(0);
  if (!isLetter(first) && first !== 0x2f) return scalarOf(text);
  let plain = text.charCodeAt(text.length - 1) !== 0x20;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    // Outside printable ASCII (escapes, a BOM, line separators): js-yaml decides.
    if (c < 0x20 || c > 0x7e) return scalarOf(text);
    if (c === 0x2c || c === 0x5b || c === 0x5d || c === 0x7b || c === 0x7d || c === 0x3a) plain = false;
    else if (c === 0x23 && !isNsAscii(text.charCodeAt(i - 1))) plain = false;
  }
  // Among words starting with a letter, only null and the booleans resolve to another type.
  if (plain) return TYPED_WORDS.has(text) ? `'${text}'` : text;
  return `'${text.replaceAll("'", "''")}'`;
}

function isLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

/** A printable ASCII character other than space (YAML's ns-char, within ASCII). */
function isNsAscii(c: number): boolean {
  return c > 0x20 && c <= 0x7e;
}

/**
 * js-yaml 3's literal block (`writeScalar`, STYLE_LITERAL, with no line width): `|`, an
 * indentation indicator when the text starts with spaces (after any line breaks), the chomping
 * indicator, then each non-empty line indented by two spaces per level, the last line break
 * dropped. A character js-yaml would escape makes it write a double-quoted scalar instead: not
 * covered here.
 */
function literalBlock(text: string, level: number): string {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x0a && !isPrintable(c)) throw UNCOVERED;
  }
  const indicator = /^\n* /.test(text) ? '2' : '';
  const clip = text.endsWith('\n');
  const keep = clip && (text.endsWith('\n\n') || text === '\n');
  const chomp = keep ? '+' : clip ? '' : '-';
  const indent = '  '.repeat(Math.max(1, level));
  let body = '';
  for (const line of text.split(/(?<=\n)/)) body += line === '\n' || line === '' ? line : `${indent}${line}`;
  return `|${indicator}${chomp}\n${body.endsWith('\n') ? body.slice(0, -1) : body}`;
}

/** js-yaml's `isPrintable` (nb-char minus tab, NEL, NBSP's neighbours it escapes, the line separators). */
function isPrintable(c: number): boolean {
  return (
    (c >= 0x20 && c <= 0x7e) ||
    (c >= 0xa1 && c <= 0xd7ff && c !== 0x2028 && c !== 0x2029) ||
    (c >= 0xe000 && c <= 0xfffd && c !== 0xfeff)
  );
}
