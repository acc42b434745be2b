import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { readContentDir } from '../io/content-dir.ts';
import { readDiagram } from '../io/diagram-cache.ts';
import { readRuleDocs } from '../io/read-rule-docs.ts';
import { readContent } from './data/read-content.ts';
import { buildSite } from './data/site.ts';
import type { Site } from './data/site-model.ts';

/** tierbook's rule docs, shown as the site's rule pages (the build runs in the package root). */
export function rulesDir(): string {
  return resolve(process.env.TIERBOOK_RULES_DIR ?? 'docs/rules');
}

/** The content dir the site is built from: set by `tierbook build --content DIR`. */
export function contentDir(): string {
  return resolve(process.env.TIERBOOK_CONTENT_DIR ?? 'content');
}

let loading: Promise<Site> | undefined;

/**
 * The site's data, loaded once per build (one process, see astro-build-process.ts) for every
 * page. Given only once the diagrams are drawn (tierbook draws them while Astro starts): every
 * page asks for it before it renders, so none renders before its diagrams exist.
 */
export function getSite(): Promise<Site> {
  loading ??= Promise.all([readContentDir(contentDir()), readRuleDocs(rulesDir())]).then(
    async ([files, rules]) => {
      const site = buildSite(readContent(files), rules);
      await (globalThis as { tierbookDiagramsDrawn?: Promise<void> }).tierbookDiagramsDrawn;
      return site;
    },
  );
  return loading;
}

/** A diagram's SVG, drawn by `tierbook build` before Astro runs. */
export function diagramSvg(source: string): string {
  const svg = readDiagram(source);
  if (svg === null) {
    throw new Error(
      'a diagram was not drawn before the site was built: build the site with "tierbook build"',
    );
  }
  return svg;
}

/** A page of a dynamic route, as its getStaticPaths returns it. */
export interface SitePath<P> {
  params: Record<string, string | undefined>;
  props: P;
}

/**
 * The pages of a dynamic route this build renders (decision 83). Each page's digest is the
 * SHA-256 of its props (everything the page shows besides what every page shares, which
 * tierbook checks before passing a list of pages to keep), recorded in
 * TIERBOOK_PAGES_OUT for the next build; a page whose digest is in TIERBOOK_PAGES_KEEP
 * (the previous build's file, still in the previous site) is left out: tierbook reuses its
 * file. `route` is the page file's path under src/pages without its extension
 * (`workloads/[slug]`, `data/[list].json`).
 */
export function pagesToRender<P>(route: string, paths: readonly SitePath<P>[]): SitePath<P>[] {
  const keep = keptPages();
  const out = process.env.TIERBOOK_PAGES_OUT;
  const digests: Record<string, string> = {};
  const files = paths.map((path) => pageFile(route, path.params));
  // Two paths writing one file (Astro renders the first): neither is keyed, both are passed on.
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const file of files) (seen.has(file) ? twice : seen).add(file);
  const render = paths.filter((path, i) => {
    const file = files[i] as string;
    if (twice.has(file)) return true;
    const digest = createHash('sha256').update(JSON.stringify(path.props)).digest('hex');
    digests[file] = digest;
    return keep.get(file) !== digest;
  });
  if (out) {
    mkdirSync(out, { recursive: true });
    const name = createHash('sha256').update(route).digest('hex').slice(0, 16);
    writeFileSync(join(out, `${name}.json`), JSON.stringify(digests));
  }
  return render;
}

let kept: ReadonlyMap<string, string> | undefined;

function keptPages(): ReadonlyMap<string, string> {
  if (kept) return kept;
  const from = process.env.TIERBOOK_PAGES_KEEP;
  const pages: Record<string, string> = from ? JSON.parse(readFileSync(from, 'utf8')) : {};
  kept = new Map(Object.entries(pages));
  return kept;
}

/**
 * The file Astro writes for a page of `route` (build.format 'directory'): its URL's
 * `index.html`, or the route itself when it names a file (`data/[list].json`).
 */
export function pageFile(route: string, params: Record<string, string | undefined>): string {
  const path = route
    .replace(/\[(?:\.\.\.)?(\w+)\]/g, (_, name: string) => params[name] ?? '')
    .split('/')
    .filter((part) => part !== '')
    .join('/');
  // A route named with an extension writes that file; any other writes its URL's index.html.
  if (/\.\w+$/.test(route)) return path;
  return path === '' ? 'index.html' : `${path}/index.html`;
}
