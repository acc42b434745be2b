import type { Dirent } from 'node:fs';
import { readdir, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { InputError } from '../core/errors.ts';
import { RESOURCE_TYPES } from '../core/graph/reads.ts';
import type { NotRead, Skipped, SourceResult } from '../core/model.ts';
import {
  type DumpLayout,
  decodeText,
  dedupeItems,
  detectDumpLayout,
  type KindHint,
  kindHintFor,
  notReadFile,
  type ParsedFile,
  parseDocuments,
  scanUnresolved,
  sortItems,
} from '../core/sources/offline/index.ts';
import {
  applyFluxVariables,
  type FileRead,
  isKustomizeFile,
  kustomizeFiles,
  skipPatches,
} from './flux-apply.ts';
import { fileLimit, fileSystem, readFileBounded } from './read-file-bounded.ts';

const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);
const READ_CONCURRENCY = 8;
/** A file given on its own may sit up to four levels inside a must-gather (namespaces/ns/group/plural/x). */
const ANCESTORS_TO_CHECK = 5;

interface FileToRead {
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

export interface OfflineOptions {
  /**
   * `--partial`: a file that cannot be read and may hold kinds tierbook uses is skipped and
   * listed (the inventory says it is partial) instead of failing the run.
   */
  partial?: boolean;
  /**
   * `--max-bytes`: the most bytes read from one file (default 256 MiB, at most 512 MiB). Counted
   * while reading, so `/dev/zero` or an endless pipe stops at the limit instead of filling memory.
   */
  maxBytes?: number;
}

/**
 * Reads offline input: files, directories of YAML/JSON (recursively, skipping `node_modules` and
 * dot-directories), must-gather folders and support bundles (read with their layout hints).
 * Flux post-build variables are applied where a Kustomization in the input reaches
 * (`flux-scope.ts`). A file that cannot be read is listed in `notRead`; it fails the run only
 * when it may hold kinds tierbook uses and `partial` is off. Objects come back deduplicated and
 * sorted by group, kind, namespace and name.
 */
export async function readOffline(
  paths: readonly string[],
  options: OfflineOptions = {},
): Promise<SourceResult> {
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
  const maxBytes = fileLimit(options.maxBytes);
  const reads = await readAll(uniqueFiles(files), maxBytes);
  const kustomize = kustomizeFiles(reads);
  skipPatches(reads, kustomize);
  const flux = applyFluxVariables(reads, kustomize, parseText);
  const notRead: NotRead[] = [];
  for (const read of reads) {
    if (read.error === undefined) continue;
    const entry = notReadFile(read.file.path, read.error, read.text, RESOURCE_TYPES, read.file.hint?.kind);
    if (entry.needed && !options.partial) throw read.error;
    notRead.push(entry);
  }
  const parsed = reads.flatMap((read) => (read.parsed ? [read.parsed] : []));
  const scan = scanUnresolved(
    parsed.flatMap((file) => file.items),
    flux.unresolvedByFile,
    RESOURCE_TYPES,
  );
  const deduped = dedupeItems(scan.items);
  return {
    items: sortItems(deduped.items),
    unreadable: [],
    skipped: [...skipped, ...parsed.flatMap((file) => file.skipped), ...deduped.skipped],
    notRead: [...notRead, ...scan.notRead],
    warnings: [...flux.warnings, ...scan.warnings],
  };
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

/**
 * Reads and parses files a few at a time. Every file is attempted and failures are kept in path
 * order, so the same broken input gives the same message on every run. Anything but bad input
 * (a bug) stops the run.
 */
async function readAll(files: readonly FileToRead[], maxBytes: number): Promise<FileRead[]> {
  const results: FileRead[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i];
      if (file) results[i] = await readOne(file, maxBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const bug = results.find((result) => result.error !== undefined && !(result.error instanceof InputError));
  if (bug) throw bug.error;
  return results;
}

async function readOne(file: FileToRead, maxBytes: number): Promise<FileRead> {
  let text: string;
  try {
    text = decodeText(await readFileBounded(file.path, maxBytes), file.path);
  } catch (error) {
    return { file, error };
  }
  try {
    const parsed = parseText(text, file);
    const keep = text.includes('${') || isKustomizeFile(file.path);
    return keep ? { file, parsed, text } : { file, parsed };
  } catch (error) {
    return { file, error, text };
  }
}

function parseText(text: string, file: FileRead['file']): ParsedFile {
  return parseDocuments(text, file.path, file.hint ? { hint: file.hint } : {});
}

function compareText(a: string, b: string): number {
  if (a === b) return 0;
  return a < b ? -1 : 1;
}
