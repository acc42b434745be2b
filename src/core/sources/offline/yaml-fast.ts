import type { RawDocument } from './raw-document.ts';
import { inlineScalar, keyOf, quotedEnd, UNSUPPORTED, unsupported } from './yaml-fast-scalars.ts';

/**
 * A fast reader for the YAML `kubectl get -o yaml` and most tools write: documents (separated by
 * `---` lines) of block mappings and sequences, plain, quoted and literal (`|`, `|-`) scalars,
 * `{}` and `[]`, comment lines. It
 * gives what the full parser (yaml-documents.ts) gives for such a text, values and lines, at a
 * fraction of the cost (the full parser keeps every node with its position, which for a
 * 10,000-pod List cost twenty times the JSON read). Anything else — a comment after a value,
 * anchors, aliases, tags, flow collections, directives, multi-line plain or quoted scalars, a
 * folded or kept block, tabs, a repeated key, a key that is not a plain string, numbers other
 * than decimal — makes it return undefined, and the full parser reads the text, with its
 * positions for errors. It never reports an error itself.
 */
export function fastYamlDocuments(text: string): RawDocument[] | undefined {
  if (text.includes('\t') || text.includes('\r')) return undefined;
  try {
    const lines = text.split('\n');
    const documents: RawDocument[] = [];
    let first = 0;
    for (let n = 0; n <= lines.length; n++) {
      const line = lines[n];
      if (line !== undefined && !(line.startsWith('---') || line.startsWith('...') || line.startsWith('%')))
        continue;
      if (line !== undefined && line !== '---') return undefined;
      const document = new Reader(lines, first, n).document();
      if (document) documents.push(document);
      first = n + 1;
    }
    return documents;
  } catch (error) {
    // Too deep for this reader's recursion: the full parser says so with the place.
    if (error === UNSUPPORTED || error instanceof RangeError) return undefined;
    throw error;
  }
}

/** One document: lines `from` to `to` (exclusive) of the file. */
class Reader {
  /** Each line's indentation and the text after it; a sequence entry rewrites its line. */
  readonly indent: number[] = [];
  readonly content: string[] = [];
  /** The file's line number of this document's first line, less one. */
  readonly offset: number;
  i = 0;

  constructor(lines: readonly string[], from: number, to: number) {
    this.offset = from;
    for (let at = from; at < to; at++) {
      const line = lines[at] as string;
      let n = 0;
      while (line.charCodeAt(n) === 0x20) n++;
      this.indent.push(n);
      this.content.push(line.slice(n));
    }
  }

  /** The document, or undefined when it holds only blank and comment lines (as the full parser skips it). */
  document(): RawDocument | undefined {
    this.skipBlank();
    if (this.i >= this.content.length) return undefined;
    const line = this.lineNumber();
    const { value, entryLines } = this.node(this.indent[this.i] as number, true);
    this.skipBlank();
    if (this.i < this.content.length) unsupported();
    return { value, line, entryLines: entryLines ?? [] };
  }

  lineNumber(): number {
    return this.offset + this.i + 1;
  }

  /** Skips lines holding only spaces or a comment. */
  skipBlank(): void {
    while (this.i < this.content.length) {
      const line = this.content[this.i] as string;
      if (line === '' || line.startsWith('#')) this.i++;
      else return;
    }
  }

  /** The indentation of the next non-blank line, -1 at the end. */
  nextIndent(): number {
    this.skipBlank();
    return this.i < this.content.length ? (this.indent[this.i] as number) : -1;
  }

  /** A block node starting at the current line, indented `indent`. */
  /** `top`: the document's own node (its sequence's or its `items`' lines are kept), or `items`. */
  node(indent: number, top = false): { value: unknown; entryLines?: number[] } {
    const line = this.content[this.i] as string;
    if (isEntry(line)) return this.sequence(indent, top);
    if (keyEnd(line) !== undefined) return this.mapping(indent, top);
    unsupported();
  }

  sequence(indent: number, top: boolean): { value: unknown[]; entryLines?: number[] } {
    const items: unknown[] = [];
    const lines: number[] = [];
    while (this.nextIndent() === indent && isEntry(this.content[this.i] as string)) {
      const line = this.content[this.i] as string;
      let column = 1;
      while (line.charCodeAt(column) === 0x20) column++;
      const rest = line.slice(column);
      if (rest === '') {
        this.i++;
        const inner = this.nextIndent();
        if (inner <= indent) unsupported();
        lines.push(this.lineNumber());
        items.push(this.node(inner).value);
        continue;
      }
      lines.push(this.lineNumber());
      if (isEntry(rest)) unsupported();
      if (keyEnd(rest) !== undefined) {
        // `- key: value`: a mapping whose first key sits on the dash's line.
        this.indent[this.i] = indent + column;
        this.content[this.i] = rest;
        items.push(this.mapping(indent + column, false).value);
      } else items.push(this.inlineValue(rest, indent));
    }
    return top ? { value: items, entryLines: lines } : { value: items };
  }

  mapping(indent: number, top: boolean): { value: Record<string, unknown>; entryLines?: number[] } {
    const object: Record<string, unknown> = {};
    let entryLines: number[] | undefined;
    for (;;) {
      const next = this.nextIndent();
      if (next < indent) break;
      if (next > indent) unsupported();
      const line = this.content[this.i] as string;
      const end = keyEnd(line);
      if (end === undefined) unsupported();
      const key = keyOf(line.slice(0, end));
      if (Object.hasOwn(object, key)) unsupported();
      const rest = line.slice(end + 1).trimStart();
      if (rest !== '') {
        object[key] = this.inlineValue(rest, indent);
        continue;
      }
      this.i++;
      const inner = this.nextIndent();
      // A List's `items` keep their lines (RawDocument.entryLines).
      const lines = top && key === 'items';
      let child: { value: unknown; entryLines?: number[] } = { value: null };
      if (inner > indent) child = this.node(inner, lines);
      // kubectl writes a mapping's sequence at the key's own indentation.
      else if (inner === indent && isEntry(this.content[this.i] as string))
        child = this.sequence(indent, lines);
      if (lines && Array.isArray(child.value)) entryLines = child.entryLines;
      object[key] = child.value;
    }
    return entryLines ? { value: object, entryLines } : { value: object };
  }

  /** A value after `key:` or `-` on the same line; `indent` is its parent's. */
  inlineValue(rest: string, indent: number): unknown {
    this.i++;
    const text = rest.trimEnd();
    if (text === '|' || text === '|-') return this.literal(indent, text === '|-');
    const value = inlineScalar(text);
    // A plain scalar continued on the next lines is folded: not covered.
    if (this.nextIndent() > indent) unsupported();
    return value;
  }

  /** A literal block scalar's lines, indented deeper than `indent`; clipped or stripped. */
  literal(indent: number, strip: boolean): string {
    let contentIndent = -1;
    const lines: string[] = [];
    while (this.i < this.content.length) {
      const line = this.content[this.i] as string;
      const n = this.indent[this.i] as number;
      if (line === '') {
        if (contentIndent >= 0 ? n > contentIndent : n > indent) unsupported();
        lines.push('');
        this.i++;
        continue;
      }
      if (contentIndent < 0) {
        if (n <= indent) break;
        contentIndent = n;
      }
      if (n < contentIndent) break;
      lines.push(`${' '.repeat(n - contentIndent)}${line}`);
      this.i++;
    }
    if (contentIndent < 0) unsupported();
    // Blank lines after the block belong to what follows; they are not the block's.
    let last = lines.length;
    while (last > 0 && lines[last - 1] === '') last--;
    this.i -= lines.length - last;
    const body = lines.slice(0, last).join('\n');
    return strip ? body : `${body}\n`;
  }
}

/** `-` then a space or the end of the line: a sequence entry. */
function isEntry(line: string): boolean {
  return line.charCodeAt(0) === 0x2d && (line.length === 1 || line.charCodeAt(1) === 0x20);
}

/** Where a mapping entry's key ends (the index of its colon), or undefined if the line is none. */
function keyEnd(line: string): number | undefined {
  const first = line.charCodeAt(0);
  if (first === 0x22 || first === 0x27) {
    const close = quotedEnd(line);
    if (close === undefined) return undefined;
    return line.charCodeAt(close + 1) === 0x3a && isBreakOrSpace(line, close + 2) ? close + 1 : undefined;
  }
  for (let at = line.indexOf(':'); at >= 0; at = line.indexOf(':', at + 1)) {
    if (isBreakOrSpace(line, at + 1)) return at;
  }
  return undefined;
}

function isBreakOrSpace(line: string, at: number): boolean {
  return at >= line.length || line.charCodeAt(at) === 0x20;
}
