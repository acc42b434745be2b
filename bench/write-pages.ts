/**
 * The pages of a content/ folder as the benchmarks' baselines use them: read into memory from
 * an inventory's output, then written into a new folder with plain `writeFile` (no staging, no
 * atomic rename, no marker, no notes compared). Shared by the
 * offline baseline (bench/inventory.bench.ts) and the live floor (bench/live/floor.ts).
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export interface PlainPage {
  /** Inside the folder, `/`-separated. */
  path: string;
  text: string;
}

/** Every file of `dir` but its dot-files (the marker), sorted by path. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => join(e.parentPath, e.name))
    .sort();
}

/** The pages of `dir` (an inventory's output), in memory. */
export function readPages(dir: string): PlainPage[] {
  return listFiles(dir).map((path) => ({
    path: path.slice(dir.length + 1),
    text: readFileSync(path, 'utf8'),
  }));
}

/**
 * Eight writes at a time through Node's thread pool: the baselines' way since they were written
 * (the content writer itself now writes each page with writeFileSync, decision 101).
 */
export async function writeAll(dir: string, pages: readonly PlainPage[]): Promise<void> {
  mkdirSync(dir, { recursive: true });
  // The folder's promise, not a flag: a second writer into the same folder waits for the mkdir.
  const made = new Map<string, Promise<unknown>>();
  let next = 0;
  const worker = async () => {
    while (next < pages.length) {
      const page = pages[next++] as PlainPage;
      const target = join(dir, page.path);
      const parent = dirname(target);
      if (!made.has(parent)) made.set(parent, mkdir(parent, { recursive: true }));
      await made.get(parent);
      await writeFile(target, page.text);
    }
  };
  await Promise.all(Array.from({ length: 8 }, worker));
}
