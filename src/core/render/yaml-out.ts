/**
 * What the fast YAML writer (yaml-block.ts) writes into: the text so far, appended a few KB at a
 * time, and the pieces it puts together again and again, made once per `scalarOf`.
 */

/**
 * The text written so far, as flat chunks of about CHUNK characters: a page is written into
 * its file chunk by chunk (content-dir.ts), never made one string of megabytes (decision 84).
 */
export class Out {
  readonly #chunks: string[] = [];
  #chunk = '';
  /** A literal block was written. */
  literal = false;
  readonly pieces: Pieces;
  constructor(pieces: Pieces) {
    this.pieces = pieces;
  }
  push(part: string): void {
    this.#chunk += part;
    if (this.#chunk.length >= CHUNK) {
      this.#chunk.charCodeAt(0);
      this.#chunks.push(this.#chunk);
      this.#chunk = '';
    }
  }
  /** The chunks written, in order (none when nothing was). */
  done(): string[] {
    if (this.#chunk !== '') this.#chunks.push(this.#chunk);
    this.#chunk = '';
    return this.#chunks;
  }
}

const CHUNK = 4096;

/**
 * Pieces of text the writer puts together again and again, made once: `key:` after each text
 * that can come before a key (a line break at some level, the space after a dash, nothing), and
 * ` value` for each single-line string. A page is a rope of these pieces, so fewer, longer
 * pieces mean fewer rope cells to allocate, collect and flatten; a string written on many
 * pages (an id, a title, a reason) is judged once. Kept per `scalarOf` (the forms are its),
 * each table emptied when it grows past MAX_PIECES.
 */
export interface Pieces {
  keys: Map<string, Map<string, string>>;
  leaves: Map<string, string>;
}

const PIECES = new WeakMap<(text: string) => string, Pieces>();
const MAX_PIECES = 100_000;

export function piecesFor(scalarOf: (text: string) => string): Pieces {
  let pieces = PIECES.get(scalarOf);
  if (!pieces) {
    pieces = { keys: new Map(), leaves: new Map() };
    PIECES.set(scalarOf, pieces);
  }
  return pieces;
}

export function remember(table: Map<string, string>, key: string, text: string): string {
  if (table.size >= MAX_PIECES) table.clear();
  // Reading a character flattens the concatenation once, so the piece is one leaf of every rope.
  text.charCodeAt(0);
  table.set(key, text);
  return text;
}
