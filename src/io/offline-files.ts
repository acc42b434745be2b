import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { RESOURCE_TYPES } from '../core/graph/reads.ts';
import type { Skipped } from '../core/model.ts';
import {
  type DumpLayout,
  detectDumpLayout,
  type KindHint,
  kindHintFor,
} from '../core/sources/offline/index.ts';
import { fileSystem } from './read-file-bounded.ts';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
/** A file given on its own may sit up to four levels inside a must-gather (namespaces/ns/group/plural/x). */
const ANCESTORS_TO_CHECK = 5;

export interface FileToRead {
  path: string;
  /** The file's real path: the same file reached twice (two paths given, a link) is read once. */
  real: string;
  hint: KindHint | undefined;
}

interface LayoutRoot {
  layout: DumpLayout;
  root: string;
}

interface Walk {
  /** Real path of the directory given: symbolic links that leave it are not followed. */
  boundary: string;
  files: FileToRead[];
  skipped: Skipped[];
  visitedDirs: Set<string>;
}

/**
 * The files offline input names: each file given (with its dump's layout hints, if it sits in
 * one) and the YAML/JSON files of each directory given, walked recursively (skipping
 * `node_modules` and dot-directories, following symbolic links only inside it), each read once.
 */
export async function filesToRead(
  paths: readonly string[],
): Promise<{ files: FileToRead[]; skipped: Skipped[] }> {
  const files: FileToRead[] = [];
  const skipped: Skipped[] = [];
  for (const given of paths) {
    const info = await fileSystem(given, () => stat(given));
    if (!info.isDirectory()) {
      const real = await fileSystem(given, () => realpath(given));
      files.push({ path: given, real, hint: await hintFromAncestors(given) });
      continue;
    }
    const walk: Walk = {
      boundary: await fileSystem(given, () => realpath(given)),
      files: [],
      skipped,
      visitedDirs: new Set(),
    };
    await walkDirectory(given, undefined, walk);
    files.push(...walk.files.sort((a, b) => compareText(a.path, b.path)));
  }
  return { files: uniqueFiles(files), skipped };
}

async function walkDirectory(dir: string, inherited: LayoutRoot | undefined, walk: Walk): Promise<void> {
  const realDir = await fileSystem(dir, () => realpath(dir));
  if (walk.visitedDirs.has(realDir)) return;
  walk.visitedDirs.add(realDir);
  const listed = await fileSystem(dir, () => readdir(dir, { withFileTypes: true }));
  // Sorted so that which of two links to one directory is walked, and the order of skipped entries, never vary.
  const entries = listed.sort((a, b) => compareText(a.name, b.name));
  const typed = await Promise.all(entries.map((entry) => entryType(dir, realDir, entry, walk.boundary)));
  const names = (type: EntryType['type']) =>
    entries.filter((_, i) => typed[i]?.type === type).map((entry) => entry.name);
  const detected = inherited ? undefined : detectDumpLayout({ dirs: names('dir'), files: names('file') });
  const layout = inherited ?? (detected ? { layout: detected, root: dir } : undefined);
  for (const [i, entry] of entries.entries()) {
    const full = path.join(dir, entry.name);
    const { type, real, skip } = typed[i] ?? { type: 'other', real: full };
    if (skip) walk.skipped.push({ where: full, reason: skip });
    if (type === 'dir' && !entry.name.startsWith('.') && entry.name !== 'node_modules') {
      await walkDirectory(full, layout, walk);
    } else if (type === 'file' && EXTENSIONS.has(path.extname(entry.name).toLowerCase())) {
      walk.files.push({ path: full, real, hint: layout ? hintAt(layout, full) : undefined });
    }
  }
}

interface EntryType {
  type: 'dir' | 'file' | 'other';
  real: string;
  /** Why a symbolic link is not followed. */
  skip?: string;
}

const OUTSIDE = 'symbolic link to a path outside the directory given, not followed';

/** Symbolic links are followed only when they stay inside the directory given. */
async function entryType(dir: string, realDir: string, entry: Dirent, boundary: string): Promise<EntryType> {
  const real = path.join(realDir, entry.name);
  if (entry.isDirectory()) return { type: 'dir', real };
  if (entry.isFile()) return { type: 'file', real };
  if (!entry.isSymbolicLink()) return { type: 'other', real };
  const link = path.join(dir, entry.name);
  const target = await realpath(link).catch(() => undefined);
  if (target === undefined) return { type: 'other', real, skip: 'symbolic link to nothing (broken link)' };
  const relative = path.relative(boundary, target);
  if (relative.startsWith('..') || path.isAbsolute(relative)) return { type: 'other', real, skip: OUTSIDE };
  const info = await fileSystem(link, () => stat(link));
  return { type: info.isDirectory() ? 'dir' : info.isFile() ? 'file' : 'other', real: target };
}

function hintAt(layout: LayoutRoot, file: string): KindHint | undefined {
  return kindHintFor(
    layout.layout,
    path.relative(layout.root, file).split(path.sep).join('/'),
    RESOURCE_TYPES,
  );
}

/** A file given on its own still gets its dump's hints (e.g. a support bundle's CRD file). */
async function hintFromAncestors(file: string): Promise<KindHint | undefined> {
  let dir = path.dirname(path.resolve(file));
  for (let level = 0; level < ANCESTORS_TO_CHECK; level++) {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    const layout = detectDumpLayout({
      dirs: entries.filter((entry) => entry.isDirectory()).map((entry) => entry.name),
      files: entries.filter((entry) => entry.isFile()).map((entry) => entry.name),
    });
    if (layout) return hintAt({ layout, root: dir }, path.resolve(file));
    const parent = path.dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
  return undefined;
}

/** The same file reached twice (two `--from` paths, a link) is read once, at its first path. */
function uniqueFiles(files: readonly FileToRead[]): FileToRead[] {
  const seen = new Set<string>();
  return files.filter((file) => {
    if (seen.has(file.real)) return false;
    seen.add(file.real);
    return true;
  });
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
