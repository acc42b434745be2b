import { InputError } from '../errors.ts';

export const NOTES_START = '<!-- tierbook:notes:start -->';
export const NOTES_END = '<!-- tierbook:notes:end -->';
export const DEFAULT_NOTES =
  "\n_Operators' notes: contacts, links, quirks. tierbook keeps everything between these two markers, word for word, when it regenerates this file._\n";

/**
 * The operators' own region of a generated file, exactly as written. The region starts at the
 * one line that begins with the start marker, after the front matter, and ends at the first end
 * marker after it: cluster text (a label, a name) can appear in the front matter and, escaped,
 * in the body, but never at the start of a body line, so it can neither forge nor hide the
 * region. A file whose markers were damaged is an error: regenerating it would lose someone's
 * notes.
 */
export function extractNotes(text: string, file: string): string | undefined {
  const body = bodyStart(text);
  const starts = lineStarts(text, NOTES_START, body);
  const start = starts[0];
  if (start === undefined) {
    if (lineStarts(text, NOTES_END, body).length === 0) return undefined;
  } else if (starts.length === 1) {
    const end = text.indexOf(NOTES_END, start + NOTES_START.length);
    if (end >= 0) return text.slice(start + NOTES_START.length, end);
  }
  throw new InputError(
    `the notes markers are damaged (expected one line starting "${NOTES_START}", then one "${NOTES_END}"); repair them so the notes between can be kept`,
    { from: { file } },
  );
}

/**
 * A generated body with every line that begins like a notes marker escaped (`\<`, which Markdown
 * shows as `<`). remark already escapes `<` in text; this holds whatever node the text is in.
 */
export function neutralizeMarkers(body: string): string {
  return body.replace(/^<!-- tierbook:notes/gm, '\\<!-- tierbook:notes');
}

/** Where the body begins: after a YAML front matter block (`---` … `---`), as gray-matter reads it. */
function bodyStart(text: string): number {
  if (!/^---\r?\n/.test(text)) return 0;
  const close = text.indexOf('\n---', 3);
  if (close < 0) return 0;
  const lineEnd = text.indexOf('\n', close + 1);
  return lineEnd < 0 ? text.length : lineEnd + 1;
}

/** Offsets of the lines at or after `from` that begin with `marker`. */
function lineStarts(text: string, marker: string, from: number): number[] {
  const found: number[] = [];
  for (let at = text.indexOf(marker, from); at >= 0; at = text.indexOf(marker, at + 1)) {
    if (at === 0 || text[at - 1] === '\n') found.push(at);
  }
  return found;
}

export function notesBlock(notes: string | undefined): string {
  return `${NOTES_START}${notes ?? DEFAULT_NOTES}${NOTES_END}\n`;
}

export function hasOwnNotes(notes: string | undefined): boolean {
  return notes !== undefined && notes !== DEFAULT_NOTES;
}
