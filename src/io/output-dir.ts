import { lstat, readdir, readFile, readlink, realpath } from 'node:fs/promises';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import matter from 'gray-matter';
import { OutputError } from '../core/errors.ts';

/** What tierbook writes: an inventory (content/) or a site (dist/). */
export type OutputKind = 'content' | 'site';

/**
 * The file every run writes into its output folder. A folder that carries it is tierbook's to
 * replace; any other non-empty folder is refused (docs/reliability.md).
 */
export const MARKER_FILE: Readonly<Record<OutputKind, string>> = {
  content: '.tierbook-content',
  site: '.tierbook-site',
};

export const MARKER_TEXT: Readonly<Record<OutputKind, string>> = {
  content:
    'This folder is written by "tierbook inventory". This file marks it as tierbook\'s, so a later run may\nreplace its pages (operators\' notes between the markers are kept). Without it, tierbook refuses to\nwrite here.\n',
  site: 'This folder is written by "tierbook build" and is replaced whole by the next build. Without this\nfile, tierbook refuses to write here.\n',
};

/** How tierbook may treat an output folder it was given. */
export interface OutputState {
  /** The folder exists (and is tierbook's, or empty). */
  exists: boolean;
  /** It was written by a tierbook from before the marker file: accepted, the marker is added. */
  adopted: boolean;
}

/**
 * Refuses, with the reason, any output folder tierbook does not own: a file, a symbolic link, a
 * non-empty folder without tierbook's marker (and not recognisably written by an earlier
 * tierbook), or an inventory folder holding a symbolic link anywhere inside (it would be
 * followed out of the folder).
 */
export async function ownedOutput(dir: string, kind: OutputKind, flag = '--out'): Promise<OutputState> {
  const shown = `${flag} ${dir}`;
  const info = await lstat(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return null;
    throw outputError(error, dir);
  });
  if (info === null) {
    await assertParentIsFolder(dir, shown);
    return { exists: false, adopted: false };
  }
  if (info.isSymbolicLink()) {
    const target = await readlink(dir).catch(() => '?');
    throw new OutputError(
      `${shown} is a symbolic link (to ${target}); tierbook writes only into a real folder: give the folder itself`,
    );
  }
  if (!info.isDirectory()) throw new OutputError(`${shown} is a file, not a folder: give a folder`);
  const entries = await readdir(dir);
  if (kind === 'content') await refuseSymlinks(dir, shown);
  if (entries.length === 0) return { exists: true, adopted: false };
  const marker = await lstat(join(dir, MARKER_FILE[kind])).catch(() => null);
  if (marker?.isFile()) return { exists: true, adopted: false };
  if (kind === 'content' ? await isLegacyContent(dir) : await isLegacySite(dir)) {
    return { exists: true, adopted: true };
  }
  throw new OutputError(
    `${shown} is not empty and is not a folder tierbook wrote (it has no ${MARKER_FILE[kind]} file): ` +
      `refusing to replace it. Give a new or empty folder, or the folder an earlier run wrote`,
  );
}

/**
 * `build --content C --out O`: the site must not replace or sit inside the inventory, nor the
 * inventory inside the site (either would be lost or read back as pages).
 */
export async function assertSeparate(contentDir: string, outDir: string): Promise<void> {
  const content = await realPathOf(contentDir);
  const out = await realPathOf(outDir);
  const relation =
    content === out
      ? 'is the same folder as'
      : isInside(content, out)
        ? 'contains'
        : isInside(out, content)
          ? 'is inside'
          : null;
  if (relation) {
    throw new OutputError(
      `--out ${outDir} ${relation} --content ${contentDir}: the site would replace or mix with the inventory; give a separate folder such as dist`,
    );
  }
}

/** `child` is strictly inside `parent` (both real, absolute paths). */
export function isInside(child: string, parent: string): boolean {
  const rel = relative(parent, child);
  return rel !== '' && rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel);
}

/** The real path of `path`, or of its nearest existing ancestor joined with the rest. */
export async function realPathOf(path: string): Promise<string> {
  const absolute = resolve(path);
  try {
    return await realpath(absolute);
  } catch {
    const parent = dirname(absolute);
    if (parent === absolute) return absolute;
    return join(await realPathOf(parent), basename(absolute));
  }
}

/** File-system failures while writing the output, as a message an operator can act on. */
export function outputError(error: unknown, dir: string): Error {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  const reason = code ? WRITE_FAILURES[code] : undefined;
  if (!reason) return error instanceof Error ? error : new Error(String(error));
  const path = (error as NodeJS.ErrnoException).path;
  return new OutputError(`cannot write ${dir}: ${reason}${path ? ` (${path})` : ''}; nothing was replaced`);
}

const WRITE_FAILURES: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EISDIR: 'a folder is in the way of a file',
  EMFILE: 'too many open files',
  EBUSY: 'the folder is busy (a mount point, or in use)',
};

async function assertParentIsFolder(dir: string, shown: string): Promise<void> {
  const parent = dirname(resolve(dir));
  const info = await lstat(parent).catch(() => null);
  if (info && !info.isDirectory() && !info.isSymbolicLink()) {
    throw new OutputError(`${shown}: ${parent} is a file, not a folder`);
  }
}

async function refuseSymlinks(dir: string, shown: string): Promise<void> {
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isSymbolicLink()) {
      const path = join(entry.parentPath, entry.name);
      throw new OutputError(
        `${shown} holds a symbolic link, ${relative(dir, path)} (to ${await readlink(path).catch(() => '?')}): ` +
          'tierbook never follows a link out of its output folder; replace it with a real folder or file',
      );
    }
  }
}

/** Where tierbook writes Markdown in content/ (src/core/render/file-names.ts, ORPHANED_DIR). */
const CONTENT_PAGE =
  /^(index|findings)\.md$|^(workloads|storage|runbooks)\/[^/]+\.md$|^orphaned-notes\/.+\.md$/;

/**
 * An inventory written before the marker file existed: its index.md is tierbook's inventory
 * page (front matter `type: inventory` with `cluster` and `takenAt`), and every Markdown file in
 * it is where tierbook writes pages. A folder with any other Markdown is someone else's.
 */
async function isLegacyContent(dir: string): Promise<boolean> {
  const index = await readFile(join(dir, 'index.md'), 'utf8').catch(() => null);
  if (index === null) return false;
  let data: Record<string, unknown>;
  try {
    data = matter(index).data;
  } catch {
    return false;
  }
  if (data.type !== 'inventory' || typeof data.cluster !== 'string' || typeof data.takenAt !== 'string')
    return false;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.name.endsWith('.md')) continue;
    const path = relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/');
    if (!CONTENT_PAGE.test(path)) return false;
  }
  return true;
}

/** A site built before the marker file existed: an index.html next to Pagefind's index. */
async function isLegacySite(dir: string): Promise<boolean> {
  const page = await lstat(join(dir, 'index.html')).catch(() => null);
  const search = await lstat(join(dir, 'pagefind', 'pagefind.js')).catch(() => null);
  return page?.isFile() === true && search?.isFile() === true;
}
