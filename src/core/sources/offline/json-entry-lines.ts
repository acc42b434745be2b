const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;
const SPACE = 0x20;
const TAB = 0x09;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;
const COMMA = 0x2c;

export interface JsonLines {
  /** Line of the first value in the text. */
  line: number;
  /** Lines of the top-level array's elements, or of the top-level object's `items` entries. */
  entryLines: number[];
}

/**
 * Finds lines in a text that `JSON.parse` has already accepted, in one pass that builds no values:
 * a 40 MB List costs a fraction of the parse. Valid JSON has no raw line breaks inside strings, so
 * counting '\n' outside strings gives true line numbers.
 */
export function jsonEntryLines(text: string): JsonLines {
  const entryLines: number[] = [];
  let line = 1;
  let firstLine = 0;
  let depth = 0;
  let entriesDepth = -1;
  let expectEntry = false;
  let expectKey = false;
  let lastKey = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === NEWLINE) {
      line++;
      continue;
    }
    if (c === SPACE || c === TAB || c === CARRIAGE_RETURN) continue;
    if (firstLine === 0) firstLine = line;
    if (expectEntry && depth === entriesDepth && c !== CLOSE_BRACKET) {
      entryLines.push(line);
      expectEntry = false;
    }
    if (c === QUOTE) {
      const end = closingQuote(text, i);
      // Keys of the top-level object: only `items` matters, so its raw text is compared unescaped.
      if (depth === 1 && expectKey) {
        lastKey = text.slice(i + 1, end);
        expectKey = false;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      depth++;
      if (depth === 1 && c === OPEN_BRACE) expectKey = true;
      const isEntries = c === OPEN_BRACKET && (depth === 1 || (depth === 2 && lastKey === 'items'));
      if (isEntries && entriesDepth < 0) {
        entriesDepth = depth;
        expectEntry = true;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      // Once the entries' array closes nothing further is needed.
      if (depth === entriesDepth) break;
      depth--;
    } else if (c === COMMA) {
      if (depth === entriesDepth) expectEntry = true;
      else if (depth === 1) expectKey = true;
    }
  }
  return { line: firstLine || 1, entryLines };
}

function closingQuote(text: string, open: number): number {
  let end = text.indexOf('"', open + 1);
  while (end > 0 && isEscaped(text, end)) end = text.indexOf('"', end + 1);
  return end < 0 ? text.length : end;
}

function isEscaped(text: string, quote: number): boolean {
  let backslashes = 0;
  for (let i = quote - 1; text.charCodeAt(i) === BACKSLASH; i--) backslashes++;
  return backslashes % 2 === 1;
}
