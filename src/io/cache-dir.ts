import { constants } from 'node:fs';
import { access, mkdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { OutputError } from '../core/errors.ts';
import { cacheRoot } from './diagram-cache.ts';

/**
 * The cache folder, created if needed and checked writable before any slow work: `--cache-dir`
 * when given, else cacheRoot(). One that cannot be written is exit 2 with what to set.
 */
export async function usableCacheDir(given?: string): Promise<string> {
  const dir = given ? resolve(given) : cacheRoot();
  try {
    await mkdir(dir, { recursive: true });
    await access(dir, constants.W_OK);
    return dir;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    throw new OutputError(
      `cannot write the cache folder ${dir} (${code}): point --cache-dir, TIERBOOK_CACHE_DIR or XDG_CACHE_HOME at a writable folder`,
    );
  }
}

/** Temporary folders (a second concurrent build's Astro cache, the demo's site) live here. */
export function tempDirOf(cache: string): string {
  return join(cache, 'tmp');
}
