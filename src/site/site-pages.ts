import { createHash } from 'node:crypto';
import { copyFileSync, linkSync, lstatSync, mkdirSync, rmSync } from 'node:fs';
import { lstat, readdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { PACKAGE_ROOT } from '../io/package-root.ts';

/**
 * A rebuild renders only the pages whose data changed (decision 83). Every page of a dynamic
 * route has a digest of its props, made by `pagesToRender` (src/site/load.ts) inside Astro's
 * build; what every page shares (the cluster's name and time, tierbook's pages, layout,
 * styles and code, the versions of Astro and Mermaid, Node's) is one digest. The site keeps
 * both in PAGES_FILE; the next build whose shared digest is the same passes Astro the pages it
 * may leave out (same digest, file still in the site), then puts those files back, linked from
 * the previous site. A changed shared digest, a missing or unreadable list: every page is
 * rendered, as on a first build. Pages without a digest (the dashboard, the indexes, search,
 * 404) are rendered every time.
 */
export const PAGES_FILE = '.tierbook-pages.json';

const FORMAT = 1;

export interface PageList {
  format: number;
  /** What every page shares: see sharedDigest. */
  shared: string;
  /** Each keyed page's file (from the site root) → the digest of its props. */
  pages: Record<string, string>;
}

/**
 * The digest of what every page's HTML reads besides its own props: the cluster and the
 * inventory's time (in every page's header), every file of tierbook's src/ and public/, its
 * package.json and Astro config, the versions of Astro, its compiler and Mermaid (a diagram's
 * SVG is read from the cache by its text: a new Mermaid draws it again), and Node's.
 */
export async function sharedDigest(site: { cluster: string; takenAt: string }): Promise<string> {
  const hash = createHash('sha256');
  hash.update(JSON.stringify([FORMAT, site.cluster, site.takenAt, process.version]));
  const astro = versionOf('astro', join(PACKAGE_ROOT, 'package.json'));
  const compiler = astro ? versionOf('@astrojs/compiler-rs', astro.file) : null;
  const mermaid = versionOf('mermaid', join(PACKAGE_ROOT, 'package.json'));
  hash.update(`\n${[astro, compiler, mermaid].map((found) => found?.version ?? 'not found').join(' ')}`);
  const files = ['package.json', 'astro.config.mjs'];
  for (const folder of ['src', 'public']) {
    for (const entry of await readdir(join(PACKAGE_ROOT, folder), { recursive: true, withFileTypes: true })) {
      if (entry.isFile()) files.push(relative(PACKAGE_ROOT, join(entry.parentPath, entry.name)));
    }
  }
  for (const file of files.sort()) {
    hash.update(`\n${file}\n`);
    hash.update(await readFile(join(PACKAGE_ROOT, file)));
  }
  return hash.digest('hex');
}

/**
 * The previous site's pages that a build with this shared digest may keep: each listed page
 * whose file is still there. None when the site was made by another tierbook, from another
 * cluster or time, or by a build that bundled assets (a page left out would not bring them).
 */
export async function keepablePages(siteDir: string, shared: string): Promise<Record<string, string>> {
  const list = await readPageList(siteDir);
  if (!list || list.shared !== shared) return {};
  if (await isThere(join(siteDir, '_astro'))) return {};
  const keep: Record<string, string> = {};
  for (const [file, digest] of Object.entries(list.pages)) {
    if (isFile(join(siteDir, file))) keep[file] = digest;
  }
  return keep;
}

async function readPageList(siteDir: string): Promise<PageList | null> {
  try {
    const list = JSON.parse(await readFile(join(siteDir, PAGES_FILE), 'utf8')) as Partial<PageList>;
    const valid = list.format === FORMAT && typeof list.shared === 'string';
    return valid && typeof list.pages === 'object' && list.pages !== null ? (list as PageList) : null;
  } catch {
    return null;
  }
}

/** Every keyed page of this build, from the files `pagesToRender` wrote (one per route). */
export async function renderedPageList(dir: string, shared: string): Promise<PageList> {
  const pages: Record<string, string> = {};
  const twice = new Set<string>();
  for (const name of (await readdir(dir).catch(() => [] as string[])).sort()) {
    if (!name.endsWith('.json')) continue;
    const route = JSON.parse(await readFile(join(dir, name), 'utf8')) as Record<string, string>;
    for (const [file, digest] of Object.entries(route)) {
      if (pages[file] !== undefined) twice.add(file);
      pages[file] = digest;
    }
  }
  // A file two routes write (Astro renders the one it ranks first) is never kept: always rendered.
  for (const file of twice) delete pages[file];
  const sorted = Object.fromEntries(Object.entries(pages).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return { format: FORMAT, shared, pages: sorted };
}

/**
 * Puts each page Astro left out back into `staging`, from the previous site: linked (the
 * previous site is removed after the swap, and nothing writes into a page after this), or
 * copied where a link cannot be made. Returns how many.
 */
export async function keepPages(
  previous: string,
  staging: string,
  list: PageList,
  keep: Readonly<Record<string, string>>,
): Promise<number> {
  let kept = 0;
  // Synchronous calls: thousands of small steps, together less than half their cost through
  // the thread pool (decision 101); nothing else runs in this process meanwhile.
  const made = new Set<string>();
  for (const [file, digest] of Object.entries(list.pages)) {
    if (keep[file] !== digest) continue;
    const to = join(staging, file);
    const folder = dirname(to);
    if (!made.has(folder)) {
      mkdirSync(folder, { recursive: true });
      made.add(folder);
    }
    rmSync(to, { force: true });
    try {
      linkSync(join(previous, file), to);
    } catch {
      copyFileSync(join(previous, file), to);
    }
    kept += 1;
  }
  return kept;
}

export async function writePageList(dir: string, list: PageList): Promise<void> {
  await writeFile(join(dir, PAGES_FILE), `${JSON.stringify(list, null, 1)}\n`, 'utf8');
}

async function isThere(path: string): Promise<boolean> {
  return lstat(path).then(
    () => true,
    () => false,
  );
}

function isFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

/** A package's version as `from` resolves it, and its package.json (null: not found). */
function versionOf(name: string, from: string): { version: string; file: string } | null {
  try {
    const file = createRequire(from).resolve(`${name}/package.json`);
    return { version: (createRequire(from)(file) as { version: string }).version, file };
  } catch {
    return null;
  }
}
