/**
 * Where and why a text is not valid JSON, in plain words. V8's own messages sometimes quote the
 * text around the error, which could repeat a Secret's value, and sometimes give no position; this
 * walk gives both the position and a reason that quotes nothing. It runs only after
 * `JSON.parse` has failed.
 */
export interface JsonSyntaxProblem {
  offset: number;
  reason: string;
}

type Expect = 'value' | 'value-or-close' | 'key' | 'key-or-close' | 'colon' | 'after-value';

const TRUNCATED = 'the text ends before the JSON is complete (truncated?)';
const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const LITERALS = ['true', 'false', 'null'];
const ESCAPES = new Set(['"', '\\', '/', 'b', 'f', 'n', 'r', 't']);
const HEX4 = /[0-9a-fA-F]{4}/y;

export function findJsonSyntaxError(text: string): JsonSyntaxProblem | undefined {
  const open: string[] = [];
  let expect: Expect = 'value';
  let i = skipSpace(text, 0);
  while (i < text.length) {
    const c = text[i] ?? '';
    const closer = open.at(-1) === '{' ? '}' : ']';
    if ((expect === 'value-or-close' || expect === 'key-or-close') && c === closer) {
      open.pop();
      expect = 'after-value';
      i++;
    } else if (expect === 'value' || expect === 'value-or-close') {
      if (c === '{' || c === '[') {
        open.push(c);
        expect = c === '{' ? 'key-or-close' : 'value-or-close';
        i++;
      } else {
        const end = scalarEnd(text, i);
        if (typeof end !== 'number') return end;
        i = end;
        expect = 'after-value';
      }
    } else if (expect === 'key' || expect === 'key-or-close') {
      if (c !== '"') return { offset: i, reason: 'expected a property name in double quotes' };
      const end = stringEnd(text, i);
      if (typeof end !== 'number') return end;
      i = end;
      expect = 'colon';
    } else if (expect === 'colon') {
      if (c !== ':') return { offset: i, reason: "expected ':' after a property name" };
      i++;
      expect = 'value';
    } else {
      if (open.length === 0) return { offset: i, reason: 'unexpected text after the end of the JSON value' };
      if (c === ',') expect = closer === '}' ? 'key' : 'value';
      else if (c === closer) open.pop();
      else
        return {
          offset: i,
          reason: `expected ',' or '${closer}' after ${closer === '}' ? 'a property value' : 'an array element'}`,
        };
      i++;
    }
    i = skipSpace(text, i);
  }
  if (open.length > 0 || expect !== 'after-value') return truncated(text);
  return undefined;
}

function scalarEnd(text: string, start: number): number | JsonSyntaxProblem {
  const c = text[start] ?? '';
  if (c === '"') return stringEnd(text, start);
  const literal = LITERALS.find((word) => text.startsWith(word, start));
  if (literal) return start + literal.length;
  NUMBER.lastIndex = start;
  if (NUMBER.test(text)) return NUMBER.lastIndex;
  const shown = /^[\x21-\x7e]$/.test(c) ? `'${c}'` : `U+${c.codePointAt(0)?.toString(16).padStart(4, '0')}`;
  return { offset: start, reason: `unexpected character ${shown} where a value should start` };
}

function stringEnd(text: string, open: number): number | JsonSyntaxProblem {
  for (let i = open + 1; i < text.length; i++) {
    const c = text[i] ?? '';
    if (c === '"') return i + 1;
    if (c < ' ') return { offset: i, reason: 'a line break or control character inside a string' };
    if (c === '\\') {
      const next = text[i + 1] ?? '';
      if (next === '') break;
      HEX4.lastIndex = i + 2;
      if (next === 'u' && HEX4.test(text)) i += 5;
      else if (ESCAPES.has(next)) i++;
      else return { offset: i, reason: 'an invalid escape sequence inside a string' };
    }
  }
  return truncated(text);
}

function skipSpace(text: string, from: number): number {
  let i = from;
  while (i < text.length && ' \t\n\r'.includes(text[i] ?? '')) i++;
  return i;
}

/** Point at the end of the last line with text, not at the empty line after the final newline. */
function truncated(text: string): JsonSyntaxProblem {
  return { offset: text.trimEnd().length, reason: TRUNCATED };
}
