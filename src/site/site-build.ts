import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { InputError, OutputError } from '../core/errors.ts';
import { tempDirOf, usableCacheDir } from '../io/cache-dir.ts';
import { readContentDir } from '../io/content-dir.ts';
import { DiagramError } from '../io/diagram-error.ts';
import { openMermaidRenderer, type RenderStats } from '../io/mermaid-renderer.ts';
import { assertSeparate, MARKER_FILE, MARKER_TEXT, outputError, ownedOutput } from '../io/output-dir.ts';
import { isAlive, lockOutput, removeDeadTempDirs } from '../io/output-lock.ts';
import { MODULE_EXT, PACKAGE_ROOT } from '../io/package-root.ts';
import { readContent } from './data/read-content.ts';
import { buildSite, diagramPages, siteDiagrams } from './data/site.ts';
import { keepablePages, keepPages, renderedPageList, sharedDigest, writePageList } from './site-pages.ts';

export interface SiteBuildResult {
  outDir: string;
  pages: number;
  workloads: number;
  storage: number;
  diagrams: RenderStats;
  indexedPages: number;
  /** Pages Astro left out, kept from the previous site because their data did not change. */
  keptPages: number;
  /** Milliseconds per step. */
  timings: { check: number; diagrams: number; astro: number; search: number; total: number };
}

/**
 * content/ → a static site in `outDir`: check every page, draw the diagrams (cached) while
 * Astro starts, render the pages whose data changed (the others' files are kept from the
 * previous site, decision 83), index with Pagefind. Everything is built into a sibling
 * directory and swapped in at the end, so a failed build leaves the previous site in place.
 */
export async function buildStaticSite(options: {
  contentDir: string;
  outDir: string;
  /** Told what was recovered from a killed build (default: stderr). */
  notify?: (text: string) => void;
  /** `--cache-dir`: diagrams, Astro's cache and temporary folders (default: cacheRoot()). */
  cacheDir?: string;
  /** Told as each step starts ("drawing 56 diagrams"), for a progress line; default silent. */
  progress?: (step: string) => void;
  /**
   * Keep unchanged pages' files from the previous site (default true). False when the pages
   * are changed after the build (a fleet adds its cluster switcher): every page is rendered.
   */
  reuse?: boolean;
}): Promise<SiteBuildResult> {
  await assertSeparate(options.contentDir, options.outDir);
  await ownedOutput(options.outDir, 'site');
  // One build at a time per folder; what a killed build left is recovered first.
  const lock = await lockOutput(options.outDir);
  try {
    const notify = options.notify ?? ((text: string) => process.stderr.write(`tierbook: ${text}\n`));
    for (const notice of lock.notices) notify(notice);
    return await buildLocked(options);
  } finally {
    await lock.release();
  }
}

async function buildLocked(options: {
  contentDir: string;
  outDir: string;
  cacheDir?: string;
  progress?: (step: string) => void;
  reuse?: boolean;
}): Promise<SiteBuildResult> {
  const progress = options.progress ?? (() => {});
  const started = performance.now();
  progress('checking the content');
  const contentDir = resolve(options.contentDir);
  const outDir = resolve(options.outDir);
  await ownedOutput(options.outDir, 'site');
  const cache = await usableCacheDir(options.cacheDir);
  const staging = `${outDir}.tmp-${process.pid}-${Date.now()}`;
  const temp = tempDirOf(cache);
  await removeDeadTempDirs('tierbook-pages-', temp);
  const pageLists = join(temp, `tierbook-pages-${process.pid}-${Date.now()}`);
  // Astro's process starts before the check (decision 94): its start-up (loading, config,
  // bundling, its own read of content/) overlaps the check and the drawing. It renders nothing
  // and reads the pages to keep only once told the diagrams are drawn; a failed check stops it.
  const drawn = Promise.withResolvers<void>();
  // Rejected only to stop Astro's process, which is awaited on its own.
  drawn.promise.catch(() => {});
  let astro: Promise<void> | undefined;
  try {
    await mkdir(join(pageLists, 'out'), { recursive: true });
    const spawned = Promise.withResolvers<void>();
    astro = runAstro({
      contentDir,
      outDir: staging,
      cache,
      pageLists,
      diagramsDrawn: drawn.promise,
      spawned: spawned.resolve,
    });
    // Awaited below, once the check and the drawing are done (or failed).
    astro.catch(() => {});
    // The check starts once that process is spawned (14-17 ms: the cache lock, then `spawn`):
    // the check reads content/ without yielding (decision 101), and Astro's start must
    // overlap it, not follow it.
    await Promise.race([spawned.promise, astro]);
    const files = await readContentDir(contentDir);
    if (files.size === 0) {
      throw new InputError('no content here: run "tierbook inventory" (or "tierbook demo") first', {
        from: { file: contentDir },
      });
    }
    const site = buildSite(readContent(files));
    const checked = performance.now();

    const sources = siteDiagrams(site).map((d) => d.source);
    await mkdir(dirname(outDir), { recursive: true }).catch((error) => {
      throw outputError(error, options.outDir);
    });
    // The previous site's pages whose data is unchanged are not rendered again (decision 83).
    const shared = await sharedDigest(site);
    const keep = options.reuse === false ? {} : await keepablePages(outDir, shared);
    await writeFile(join(pageLists, 'keep.json'), JSON.stringify(keep), 'utf8');
    progress(`drawing ${sources.length} diagrams (cached ones are not drawn again)`);
    const diagrams = await drawDiagrams(sources, cache).catch((error: unknown) => {
      throw withDiagramPages(error, diagramPages(site), contentDir);
    });
    const drawnAt = performance.now();
    progress(Object.keys(keep).length > 0 ? 'building the pages that changed' : 'building the pages');
    drawn.resolve();
    // Each page Astro renders gets its Content-Security-Policy as it is rendered
    // (src/middleware.ts, decision 99); a kept page has its policy already.
    await astro;
    const pageList = await renderedPageList(join(pageLists, 'out'), shared);
    const keptPages = await keepPages(outDir, staging, pageList, keep).catch((error) => {
      throw outputError(error, options.outDir);
    });
    await writePageList(staging, pageList).catch((error) => {
      throw outputError(error, options.outDir);
    });
    const built = performance.now();
    progress('indexing for search');
    const indexedPages = await indexForSearch(staging);
    const indexed = performance.now();
    await writeFile(join(staging, MARKER_FILE.site), MARKER_TEXT.site, 'utf8').catch((error) => {
      throw outputError(error, options.outDir);
    });
    // Checked again just before the swap: the folder may have changed during the build.
    await ownedOutput(options.outDir, 'site');
    await swapIn(staging, outDir).catch((error) => {
      throw outputError(error, options.outDir);
    });
    return {
      outDir,
      pages: await countPages(outDir),
      workloads: site.workloads.length,
      storage: site.storage.length,
      diagrams,
      indexedPages,
      keptPages,
      timings: {
        check: checked - started,
        diagrams: drawnAt - checked,
        // After the diagrams were drawn: Astro's start-up ran during the check and the drawing.
        astro: built - drawnAt,
        search: indexed - built,
        total: performance.now() - started,
      },
    };
  } catch (error) {
    // Astro's process is stopped and gone (its cache lock released) before the error is told.
    drawn.reject(new Error('the build stopped'));
    await astro?.catch(() => {});
    throw error;
  } finally {
    await rm(staging, { recursive: true, force: true });
    await rm(pageLists, { recursive: true, force: true });
  }
}

/**
 * A diagram that could not be drawn (or was refused), named with the content files whose
 * pages show it, so the operator knows where it comes from; any other error as it is.
 */
export function withDiagramPages(
  error: unknown,
  pages: ReadonlyMap<string, readonly string[]>,
  contentDir: string,
): unknown {
  if (!(error instanceof DiagramError)) return error;
  return error.onPages((pages.get(error.source) ?? []).map((file) => join(contentDir, file)));
}

async function drawDiagrams(sources: readonly string[], cache: string): Promise<RenderStats> {
  const renderer = openMermaidRenderer({ cacheDir: cache });
  try {
    return await renderer.renderAll(sources);
  } finally {
    await renderer.close();
  }
}

async function runAstro(options: {
  contentDir: string;
  outDir: string;
  cache: string;
  /** keep.json (pages Astro may leave out) and out/ (where it lists every keyed page). */
  pageLists: string;
  /** Settles when every diagram is drawn (Astro renders no page before) or cannot be (Astro is stopped). */
  diagramsDrawn: Promise<unknown>;
  /** Called once Astro's process is started. */
  spawned: () => void;
}): Promise<void> {
  const lock = await lockAstroCache(join(options.cache, 'astro'), tempDirOf(options.cache));
  try {
    // What Astro's own incremental build kept here (before decision 83): a copy of the last site.
    await rm(join(lock.dir, 'dist'), { recursive: true, force: true });
    await rm(join(lock.dir, 'incremental-build.json'), { force: true });
    const script = fileURLToPath(new URL(`./astro-build-process${MODULE_EXT}`, import.meta.url));
    const child = spawn(process.execPath, [script, PACKAGE_ROOT, options.outDir, lock.dir], {
      cwd: PACKAGE_ROOT,
      // Read by src/site/load.ts inside Astro's build; telemetry off: the build talks to no one.
      env: {
        ...process.env,
        TIERBOOK_CONTENT_DIR: options.contentDir,
        TIERBOOK_CACHE_DIR: options.cache,
        TIERBOOK_PAGES_KEEP: join(options.pageLists, 'keep.json'),
        TIERBOOK_PAGES_OUT: join(options.pageLists, 'out'),
        TIERBOOK_DIAGRAMS: 'drawing',
        // The build runs in the cache folder and Astro bundles src/site: name the rule docs here.
        TIERBOOK_RULES_DIR: process.env.TIERBOOK_RULES_DIR ?? join(PACKAGE_ROOT, 'docs', 'rules'),
        ASTRO_TELEMETRY_DISABLED: '1',
      },
      // The IPC channel closes when this process dies, even by SIGKILL: the build then stops too.
      stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
    });
    options.spawned();
    options.diagramsDrawn.then(
      () => {
        if (child.connected) child.send('diagrams-drawn', () => {});
      },
      () => child.kill(),
    );
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const code = await new Promise<number | null>((done, fail) => {
      child.once('error', fail);
      child.once('close', done);
    });
    if (code !== 0 && /\bENOSPC\b|no space left on device/i.test(output)) {
      throw new OutputError(`cannot write the site: no space left on the device; nothing was replaced`);
    }
    if (code !== 0) throw new Error(`Astro could not build the site (exit ${code}):\n${output.trim()}`);
  } finally {
    await lock.release();
  }
}

/**
 * Astro's cache folder (its root, where it writes .astro/) is one per machine; a second build running at the same
 * time gets a private, empty one rather than racing the first. The lock holds the builder's
 * pid: a lock or private cache left by a build that was killed is taken over or removed.
 */
async function lockAstroCache(dir: string, temp: string): Promise<{ dir: string; release(): Promise<void> }> {
  const lock = `${dir}.lock`;
  await mkdir(dirname(lock), { recursive: true });
  await removeDeadTempDirs('tierbook-astro-', temp);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await mkdir(lock);
      await writeFile(join(lock, 'pid'), String(process.pid));
      return { dir, release: () => rm(lock, { recursive: true, force: true }) };
    } catch {
      const holder = Number(await readFile(join(lock, 'pid'), 'utf8').catch(() => ''));
      const age =
        Date.now() -
        (await stat(lock).then(
          (s) => s.mtimeMs,
          () => Date.now(),
        ));
      const dead = Number.isInteger(holder) && holder > 0 ? !isAlive(holder) : age > 15 * 60_000;
      if (!dead) break;
      // A lock left by a build that was killed.
      await rm(lock, { recursive: true, force: true });
    }
  }
  const own = join(temp, `tierbook-astro-${process.pid}-${Date.now()}`);
  await mkdir(own, { recursive: true });
  return { dir: own, release: () => rm(own, { recursive: true, force: true }) };
}

async function indexForSearch(dir: string): Promise<number> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex();
    if (!index) throw new Error(`Pagefind could not start: ${errors.join('; ')}`);
    const added = await index.addDirectory({ path: dir });
    if (added.errors.length > 0) throw new Error(`Pagefind: ${added.errors.join('; ')}`);
    const written = await index.writeFiles({ outputPath: join(dir, 'pagefind') });
    if (written.errors.length > 0) throw new Error(`Pagefind: ${written.errors.join('; ')}`);
    return added.page_count;
  } finally {
    await pagefind.close();
  }
}

async function swapIn(staging: string, outDir: string): Promise<void> {
  const retired = `${outDir}.old-${process.pid}-${Date.now()}`;
  const existed = await stat(outDir).then(
    () => true,
    () => false,
  );
  if (existed) await rename(outDir, retired);
  try {
    await rename(staging, outDir);
  } catch (error) {
    if (existed) await rename(retired, outDir);
    throw error;
  }
  // Synchronous: a few thousand unlinks, faster than one after another through the thread pool.
  if (existed) rmSync(retired, { recursive: true, force: true });
}

async function countPages(dir: string): Promise<number> {
  let count = 0;
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) count += 1;
  }
  return count;
}
