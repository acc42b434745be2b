import { mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { cp, lstat, mkdir, readdir, realpath, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { OutputError } from '../core/errors.ts';
import { SAVED_INVENTORY_FILE } from '../core/graph/saved-inventory.ts';
import { GUARD_CONTEXT_FILE } from '../core/guard/saved-context.ts';
import type { PageText } from '../core/render/front-matter.ts';
import { isStorageListsFile } from '../core/render/storage-page-lists.ts';
import { isInside, MARKER_FILE, MARKER_TEXT, outputError, ownedOutput } from './output-dir.ts';
import { writePieces } from './write-pieces.ts';

/**
 * Every file tierbook generates under `dir` (the Markdown pages, graph.json, the guard's
 * context and the storage pages' lists files), as relative
 * path → text. A missing dir is empty.
 */
export async function readContentDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!(await isDirectory(dir))) return files;
  for (const path of await walk(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    // Read synchronously: thousands of small files, each an open, a stat, a read and a close,
    // cost half as much as one after another through the thread pool (decision 101).
    if (isGenerated(name)) files.set(name, readFileSync(path, 'utf8'));
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
  await (await ContentStaging.filled(dir, files)).commit(basis);
}

/**
 * writeContentDir in steps, for pages written as they are made: a sibling folder of `dir` holding
 * what is carried over and the marker, filled page by page (`write`), then swapped in whole
 * (`commit`) or removed (`discard`). Until `commit`, `dir` is untouched: a run that stops or
 * throws (or decides not to write) leaves the previous content as it was.
 */
export class ContentStaging {
  private readonly checked = new Set<string>();
  private readonly written = new Set<string>();
  /** The folder replaced (as given: it names it in messages), the staging folder, its real path. */
  private readonly dir: string;
  private readonly path: string;
  private readonly root: string;
  private readonly stamp: string;

  private constructor(dir: string, path: string, root: string, stamp: string) {
    this.dir = dir;
    this.path = path;
    this.root = root;
    this.stamp = stamp;
  }

  /** A new staging folder beside `dir` (only a folder tierbook owns), with what is carried over. */
  static async open(dir: string): Promise<ContentStaging> {
    await ownedOutput(dir, 'content');
    // Siblings of the absolute path: `--out .` must not stage inside itself.
    const stamp = `${process.pid}-${Date.now()}`;
    const staging = `${resolve(dir)}.tmp-${stamp}`;
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
      return new ContentStaging(dir, staging, root, stamp);
    } catch (error) {
      await rm(staging, { recursive: true, force: true });
      throw outputError(error, dir);
    }
  }

  /** A staging folder holding `files` besides what is carried over; removed if a write fails. */
  static async filled(dir: string, files: ReadonlyMap<string, string>): Promise<ContentStaging> {
    const staging = await ContentStaging.open(dir);
    try {
      for (const [path, text] of files) staging.write(path, text);
    } catch (error) {
      await staging.discard();
      throw error;
    }
    return staging;
  }

  /** Whether `path` was written here. */
  has(path: string): boolean {
    return this.written.has(path);
  }

  /**
   * Writes one page, synchronously: one open, write and close, without a promise, a FileHandle
   * and a hop to the thread pool each (thousands of pages; a third of the writing's CPU time).
   * A page written again replaces the earlier; nothing else already there is overwritten.
   * A page given as pieces is written piece by piece (`writePieces`), never joined; one given
   * as bytes is written as they are.
   */
  write(path: string, text: PageText | Uint8Array): void {
    try {
      const target = resolve(this.root, ...path.split('/'));
      if (!isInside(target, this.root)) throw new Error(`refusing to write outside ${this.dir}: ${path}`);
      const folder = dirname(target);
      // Each folder is made and checked once (thousands of pages share a handful of folders);
      // only tierbook writes into staging, so a folder checked stays where it was.
      if (!this.checked.has(folder)) {
        mkdirSync(folder, { recursive: true });
        const real = realpathSync(folder);
        if (real !== this.root && !isInside(real, this.root))
          throw new Error(`refusing to write outside ${this.dir}: ${path}`);
        this.checked.add(folder);
      }
      const flag = this.written.has(path) ? 'w' : 'wx';
      if (typeof text === 'string') writeFileSync(target, text, { encoding: 'utf8', flag });
      else if (text instanceof Uint8Array) writeFileSync(target, text, { flag });
      else writePieces(target, text, flag);
      this.written.add(path);
    } catch (error) {
      throw outputError(error, this.dir);
    }
  }

  /** Removes the staging folder; `dir` stays as it was. */
  async discard(): Promise<void> {
    await rm(this.path, { recursive: true, force: true });
  }

  /**
   * Swaps the staged folder in for `dir`. With `basis`, content/ is first compared with what
   * the pages were rendered from: if a page changed since (someone saved their notes), the
   * pages are rendered again from it and staged again, so no edit is lost.
   */
  async commit(basis?: WriteBasis): Promise<void> {
    let staging: ContentStaging = this;
    let previous = basis?.previous;
    for (let attempt = 1; ; attempt++) {
      const current =
        basis && previous && !(await sameAsRead(this.dir, previous))
          ? await readContentDir(this.dir)
          : undefined;
      if (!basis || current === undefined) {
        await swapIn(resolve(this.dir), staging.path, `${resolve(this.dir)}.old-${staging.stamp}`, this.dir);
        return;
      }
      await staging.discard();
      if (attempt >= 3) {
        throw new OutputError(
          `${this.dir} keeps changing while tierbook writes it; nothing was replaced: run again`,
        );
      }
      previous = current;
      staging = await ContentStaging.filled(this.dir, basis.render(current));
    }
  }
}

/**
 * Whether the generated files in `dir` are exactly `read` (the same paths, the same text), read
 * and compared one file at a time (content/ can be hundreds of MB).
 */
async function sameAsRead(dir: string, read: ReadonlyMap<string, string>): Promise<boolean> {
  if (!(await isDirectory(dir))) return read.size === 0;
  let count = 0;
  for (const path of await walk(dir)) {
    const name = relative(dir, path).split(sep).join('/');
    if (!isGenerated(name)) continue;
    const before = read.get(name);
    if (before === undefined || readFileSync(path, 'utf8') !== before) return false;
    count++;
  }
  return count === read.size;
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
  // Synchronous, like the reads above: thousands of unlinks, nothing else to do meanwhile.
  if (existed) rmSync(retired, { recursive: true, force: true });
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
 * Pages (and a storage page's lists file), the saved graph and the guard's cache of its analysis are regenerated; anything else
 * in the folder is carried over.
 */
function isGenerated(path: string): boolean {
  return (
    path.endsWith('.md') ||
    path === SAVED_INVENTORY_FILE ||
    path === GUARD_CONTEXT_FILE ||
    isStorageListsFile(path)
  );
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
