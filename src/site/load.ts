import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
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

/** The site's data, loaded once per build (one process, see astro-build-process.ts) for every page. */
export function getSite(): Promise<Site> {
  loading ??= Promise.all([readContentDir(contentDir()), readRuleDocs(rulesDir())]).then(([files, rules]) =>
    buildSite(readContent(files), rules),
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

/** A page's incremental-build key: its data, so an unchanged page is copied, not rendered. */
export function cacheKeyOf(data: unknown): string {
  return createHash('sha256').update(JSON.stringify(data)).digest('hex');
}
