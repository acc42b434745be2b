import { writeFileSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, readFile, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError } from '../core/errors.ts';
import { SAVED_INVENTORY_FILE } from '../core/graph/saved-inventory.ts';
import { GUARD_CONTEXT_FILE } from '../core/guard/saved-context.ts';
import { isInside, MARKER_FILE, MARKER_TEXT, outputError, ownedOutput } from './output-dir.ts';

/**
 * Every file tierbook generates under `dir` (the Markdown pages and graph.json), as relative
 * path → text. A missing dir is empty.
 */
export async function readContentDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!(await isDirectory(dir))) return files;
  for (const path of await walk(dir)) {
    if (isGenerated(relative(dir, path).split(sep).join('/')))
      files.set(relative(dir, path).split(sep).join('/'), await readFile(path, 'utf8'));
  }
  return files;
}

/** How the pages to write were made, so they can be made again from what is on disk at swap time. */
export interface WriteBasis {
  /** content/ as it was read when `files` were rendered. */
  previous: ReadonlyMap<string, string>;
  /** Renders the pages again from content/ as it is now (notes edited during the run). */
  render: (current: ReadonlyMap<string, string>) => ReadonlyMap<string, string>;
}

/**
 * Replaces `dir` with exactly `files`, atomically as far as a file system allows: everything is
 * written to a sibling directory first, then swapped in with two renames. A failure before the
 * swap leaves the previous content untouched. Files other than Markdown are carried over.
 * Only a folder tierbook owns is replaced (see ownedOutput); the marker file is written with
 * the pages, and no write ever lands outside the folder, through `..` or a symbolic link.
 * With `basis`, content/ is read again just before the swap: if a page changed since it was
 * read (someone saved their notes), the pages are rendered again from it, so no edit is lost.
 */
export async function writeContentDir(
  dir: string,
  files: ReadonlyMap<string, string>,
  basis?: WriteBasis,
): Promise<void> {
  await ownedOutput(dir, 'content');
  let pages = files;
  let previous = basis?.previous;
  for (let attempt = 1; ; attempt++) {
    // Siblings of the absolute path: `--out .` must not stage inside itself.
    const stamp = `${process.pid}-${Date.now()}`;
    const staging = `${resolve(dir)}.tmp-${stamp}`;
    await stage(dir, staging, pages);
    const current = basis ? await readContentDir(dir) : undefined;
    if (!basis || !current || !previous || sameFiles(current, previous)) {
      await swapIn(resolve(dir), staging, `${resolve(dir)}.old-${stamp}`, dir);
      return;
    }
    await rm(staging, { recursive: true, force: true });
    if (attempt >= 3) {
      throw new OutputError(
        `${dir} keeps changing while tierbook writes it; nothing was replaced: run again`,
      );
    }
    previous = current;
    pages = basis.render(current);
  }
}

async function stage(dir: string, staging: string, files: ReadonlyMap<string, string>): Promise<void> {
  try {
    await mkdir(staging, { recursive: true });
    const root = await realpath(staging);
    if (await isDirectory(dir)) {
      await cp(dir, staging, {
        recursive: true,
        verbatimSymlinks: true,
        filter: async (src) =>
          !isGenerated(relative(dir, src).split(sep).join('/')) && !(await lstat(src)).isSymbolicLink(),
      });
    }
    await writeFile(join(staging, MARKER_FILE.content), MARKER_TEXT.content, 'utf8');
    // Each folder is made and checked once (thousands of pages share a handful of folders);
    // only tierbook writes into staging, so a folder checked stays where it was.
    const checked = new Set<string>();
    for (const [path, text] of files) {
      const target = resolve(root, ...path.split('/'));
      if (!isInside(target, root)) throw new Error(`refusing to write outside ${dir}: ${path}`);
      const folder = dirname(target);
      if (!checked.has(folder)) {
        await mkdir(folder, { recursive: true });
        const real = await realpath(folder);
        if (real !== root && !isInside(real, root))
          throw new Error(`refusing to write outside ${dir}: ${path}`);
        checked.add(folder);
      }
      // Synchronous: one open, write and close per page, without a promise, a FileHandle and a
      // hop to the thread pool each (thousands of pages; a third of the writing's CPU time).
      writeFileSync(target, text, { encoding: 'utf8', flag: 'wx' });
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw outputError(error, dir);
  }
}

/**
 * Two renames: `dir` → `retired`, `staging` → `dir`. A run killed between them leaves `dir`
 * missing and `retired` holding everything; lockOutput restores it on the next run.
 */
async function swapIn(dir: string, staging: string, retired: string, shown: string): Promise<void> {
  const existed = await isDirectory(dir);
  try {
    if (existed) await rename(dir, retired);
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw outputError(error, shown);
  }
  try {
    await rename(staging, dir);
  } catch (error) {
    if (existed) await rename(retired, dir);
    await rm(staging, { recursive: true, force: true });
    throw outputError(error, shown);
  }
  if (existed) await rm(retired, { recursive: true, force: true });
}

function sameFiles(a: ReadonlyMap<string, string>, b: ReadonlyMap<string, string>): boolean {
  if (a.size !== b.size) return false;
  for (const [path, text] of a) if (b.get(path) !== text) return false;
  return true;
}

/** Marks an inventory written by an earlier tierbook (before the marker file) as tierbook's. */
export async function markContentDir(dir: string): Promise<void> {
  try {
    await writeFile(join(dir, MARKER_FILE.content), MARKER_TEXT.content, 'utf8');
  } catch (error) {
    throw outputError(error, dir);
  }
}

/**
 * Pages, the saved graph and the guard's cache of its analysis are regenerated; anything else
 * in the folder is carried over.
 */
function isGenerated(path: string): boolean {
  return path.endsWith('.md') || path === SAVED_INVENTORY_FILE || path === GUARD_CONTEXT_FILE;
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

async function walk(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
    a.name < b.name ? -1 : 1,
  )) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(path)));
    else if (entry.isFile()) out.push(path);
  }
  return out;
}
