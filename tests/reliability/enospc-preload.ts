/**
 * Loaded with `node --import` into a tierbook run: the disk "fills up" after a few pages are
 * written, as a full volume would (writeFile rejects with ENOSPC, the errno Linux gives). Only
 * writes into a staging folder (`*.tmp-*`) fail, so the fault hits mid-run, after the read.
 */
import { createRequire, syncBuiltinESMExports } from 'node:module';

const fs = createRequire(import.meta.url)('node:fs/promises') as typeof import('node:fs/promises');
const real = fs.writeFile;
let written = 0;
fs.writeFile = (async (...args: Parameters<typeof real>) => {
  const path = String(args[0]);
  if (path.includes('.tmp-') && path.endsWith('.md') && ++written > 5) {
    throw Object.assign(new Error(`ENOSPC: no space left on device, open '${path}'`), {
      code: 'ENOSPC',
      errno: -28,
      syscall: 'open',
      path,
    });
  }
  return real(...args);
}) as typeof real;
syncBuiltinESMExports();
