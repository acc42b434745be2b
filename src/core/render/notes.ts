import { InputError } from '../errors.ts';

export const NOTES_START = '<!-- tierbook:notes:start -->';
export const NOTES_END = '<!-- tierbook:notes:end -->';
export const DEFAULT_NOTES =
  "\n_Operators' notes: contacts, links, quirks. tierbook keeps everything between these two markers, word for word, when it regenerates this file._\n";

/**
 * The operators' own region of a generated file, exactly as written. A file whose markers were
 * damaged is an error: regenerating it would lose someone's notes.
 */
export function extractNotes(text: string, file: string): string | undefined {
  const start = text.indexOf(NOTES_START);
  const end = text.indexOf(NOTES_END);
  if (start < 0 && end < 0) return undefined;
  if (start < 0 || end < start || text.indexOf(NOTES_START, start + 1) >= 0) {
    throw new InputError(
      `the notes markers are damaged (expected one "${NOTES_START}" followed by one "${NOTES_END}"); repair them so the notes between can be kept`,
      { from: { file } },
    );
  }
  return text.slice(start + NOTES_START.length, end);
}

export function notesBlock(notes: string | undefined): string {
  return `${NOTES_START}${notes ?? DEFAULT_NOTES}${NOTES_END}\n`;
}

export function hasOwnNotes(notes: string | undefined): boolean {
  return notes !== undefined && notes !== DEFAULT_NOTES;
}
