import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';

/** Every generated Markdown file under `dir`, as relative path → text. A missing dir is empty. */
export async function readContentDir(dir: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  if (!(await isDirectory(dir))) return files;
  for (const path of await walk(dir)) {
    if (path.endsWith('.md'))
      files.set(relative(dir, path).split(sep).join('/'), await readFile(path, 'utf8'));
  }
  return files;
}

/**
 * Replaces `dir` with exactly `files`, atomically as far as a file system allows: everything is
 * written to a sibling directory first, then swapped in with two renames. A failure before the
 * swap leaves the previous content untouched. Files other than Markdown are carried over.
 */
export async function writeContentDir(dir: string, files: ReadonlyMap<string, string>): Promise<void> {
  const stamp = `${process.pid}-${Date.now()}`;
  const staging = `${dir}.tmp-${stamp}`;
  const retired = `${dir}.old-${stamp}`;
  try {
    await mkdir(staging, { recursive: true });
    if (await isDirectory(dir)) {
      await cp(dir, staging, { recursive: true, filter: (src) => !src.endsWith('.md') });
    }
    for (const [path, text] of files) {
      const target = join(staging, ...path.split('/'));
      if (!target.startsWith(staging + sep)) throw new Error(`refusing to write outside ${dir}: ${path}`);
      await mkdir(dirname(target), { recursive: true });
      await writeFile(target, text, 'utf8');
    }
  } catch (error) {
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  const existed = await isDirectory(dir);
  if (existed) await rename(dir, retired);
  try {
    await rename(staging, dir);
  } catch (error) {
    if (existed) await rename(retired, dir);
    await rm(staging, { recursive: true, force: true });
    throw error;
  }
  if (existed) await rm(retired, { recursive: true, force: true });
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
