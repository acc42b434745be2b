import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import mermaidPackage from 'mermaid/package.json' with { type: 'json' };
import { PACKAGE_ROOT } from './package-root.ts';

export { PACKAGE_ROOT };

/**
 * Where tierbook keeps what it can make again (drawn diagrams, Astro's incremental build,
 * temporary folders): TIERBOOK_CACHE_DIR (what `--cache-dir` sets), else
 * $XDG_CACHE_HOME/tierbook, else ~/.cache/tierbook. Never inside the package or the user's
 * project, so a read-only install works. Safe to delete; safe to share between concurrent
 * builds (files are content-addressed and written by rename). The site build sets the
 * variable for Astro's process, where this module is bundled.
 */
export function cacheRoot(env: NodeJS.ProcessEnv = process.env): string {
  if (env.TIERBOOK_CACHE_DIR) return resolve(env.TIERBOOK_CACHE_DIR);
  return join(env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tierbook');
}

// A static import, not a require: this module is also bundled into the site's build.
const MERMAID_VERSION = mermaidPackage.version;

/** Mermaid's settings for every diagram; part of the cache key, so changing them redraws all. */
export const MERMAID_CONFIG = {
  startOnLoad: false,
  securityLevel: 'strict',
  theme: 'neutral',
  fontFamily: 'DejaVu Sans, Verdana, sans-serif',
  flowchart: { useMaxWidth: true },
} as const;

/**
 * How tierbook's drawing page makes an SVG, as far as it changes the SVG's text; part of the
 * cache key, so SVGs drawn one way are never mixed with SVGs drawn another. 2: Mermaid's last
 * DOMPurify pass over the whole SVG skipped, the SVG checked against an allowlist instead
 * (decision 95).
 */
export const DRAWING_VERSION = 2;

/** The cache key: the diagram text, the Mermaid version, its settings and the drawing's version. */
export function diagramKey(source: string): string {
  return createHash('sha256')
    .update(`${MERMAID_VERSION}\n${DRAWING_VERSION}\n${JSON.stringify(MERMAID_CONFIG)}\n${source}`)
    .digest('hex');
}

export function diagramFile(source: string, root = cacheRoot()): string {
  return join(root, 'mermaid', `${diagramKey(source)}.svg`);
}

/** The SVG drawn for `source`, or null when it has not been drawn yet. */
export function readDiagram(source: string, root = cacheRoot()): string | null {
  try {
    return readFileSync(diagramFile(source, root), 'utf8');
  } catch {
    return null;
  }
}

/** Whether `source` was drawn already: a name check, without reading the SVG (a rebuild asks for each). */
export function hasDiagram(source: string, root = cacheRoot()): boolean {
  return existsSync(diagramFile(source, root));
}

export async function writeDiagram(source: string, svg: string, root = cacheRoot()): Promise<void> {
  const file = diagramFile(source, root);
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.tmp-${process.pid}-${Math.random().toString(36).slice(2)}`;
  await writeFile(temp, svg, 'utf8');
  await rename(temp, file);
}
