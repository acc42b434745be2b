import { closeSync, openSync, writeSync } from 'node:fs';

/**
 * One buffer, reused for every page written as pieces: their UTF-8 bytes are gathered here and
 * written a buffer at a time. A page of megabytes made one string first (writeFileSync's way)
 * is that many megabytes of memory touched fresh, once for the string and again for its bytes,
 * where this touches the same 1 MB again (decision 84).
 */
let gathered: Buffer | undefined;
const GATHER = 1 << 20;

/** The file `target` (opened with `flag`) holding the concatenation of `pieces`, in UTF-8. */
export function writePieces(target: string, pieces: readonly string[], flag: string): void {
  gathered ??= Buffer.allocUnsafe(GATHER);
  const buffer = gathered;
  const fd = openSync(target, flag);
  try {
    let used = 0;
    const flush = () => {
      let done = 0;
      while (done < used) done += writeSync(fd, buffer, done, used - done);
      used = 0;
    };
    for (const piece of pieces) {
      // At most three bytes a UTF-16 unit: a piece that may not fit is written after a flush,
      // or on its own when it is longer than the buffer.
      if (piece.length * 3 > GATHER - used) flush();
      if (piece.length * 3 > GATHER) writeSync(fd, piece, null, 'utf8');
      else used += buffer.write(piece, used, 'utf8');
    }
    flush();
  } finally {
    closeSync(fd);
  }
}
