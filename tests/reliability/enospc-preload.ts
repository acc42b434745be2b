/**
 * Loaded with `node --import` into a tierbook run: the disk "fills up" after a few pages are
 * written, as a full volume would (writeFile rejects, writeFileSync throws ENOSPC, the errno
 * Linux gives). Only writes into a staging folder (`*.tmp-*`) fail, so the fault hits mid-run,
 * after the read. Both forms are patched: pages are written synchronously (decision on ropes).
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const require = createRequire(import.meta.url);
const fs = require('node:fs/promises') as typeof import('node:fs/promises');
const fsSync = require('node:fs') as typeof import('node:fs');
let written = 0;

/** Throws ENOSPC once more than five pages went into a staging folder. */
function fillUp(file: unknown): void {
  const path = String(file);
  if (path.includes('.tmp-') && path.endsWith('.md') && ++written > 5) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'open',
      path,
    });
  }
}

const real = fs.writeFile;
fs.writeFile = (async (...args: Parameters<typeof real>) => {
  fillUp(args[0]);
  return real(...args);
}) as typeof real;
const realSync = fsSync.writeFileSync;
fsSync.writeFileSync = ((...args: Parameters<typeof realSync>) => {
  fillUp(args[0]);
  return realSync(...args);
}) as typeof realSync;
syncBuiltinESMExports();
