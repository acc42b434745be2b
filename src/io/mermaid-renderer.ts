import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { cacheRoot, diagramKey, hasDiagram, MERMAID_CONFIG, writeDiagram } from './diagram-cache.ts';

// Kept here for callers that import them from the renderer (e2e tests, printing).
export { CHROMIUM_ARGS, chromiumPath, launchChromium } from './chromium.ts';

export interface RenderStats {
  rendered: number;
  cached: number;
}

export interface MermaidRenderer {
  /** Draws every diagram not in the cache yet; the same source is drawn once. */
  renderAll(sources: readonly string[]): Promise<RenderStats>;
  close(): Promise<void>;
}

/** Diagrams drawn per round trip to a page: one `evaluate` per diagram cost ~10% in protocol. */
const BATCH = 12;

/**
 * Mermaid to SVG in one long-lived Chromium (started only when something is not cached),
 * with a few pages drawing in parallel (each page is a renderer process of its own, so two
 * pages keep two cores drawing), several diagrams per round trip. Each SVG is checked: no
 * script, no event handler, no link leaving the site.
 */
export function openMermaidRenderer(options: { cacheDir?: string; pages?: number } = {}): MermaidRenderer {
  const root = options.cacheDir ?? cacheRoot();
  let browser: Browser | undefined;
  return {
    async renderAll(sources) {
      const unique = [...new Map(sources.map((s) => [diagramKey(s), s])).values()];
      const missing = unique.filter((s) => !hasDiagram(s, root));
      if (missing.length === 0) return { rendered: 0, cached: unique.length };
      browser ??= await launchChromium();
      const pageCount = Math.max(1, Math.min(options.pages ?? 2, missing.length));
      const pages = await Promise.all(
        Array.from({ length: pageCount }, () => mermaidPage(browser as Browser)),
      );
      let next = 0;
      await Promise.all(
        pages.map(async (page) => {
          while (next < missing.length) {
            const batch = missing.slice(next, next + BATCH);
            next += batch.length;
            const svgs = await drawAll(page, batch);
            await Promise.all(batch.map((source, i) => writeDiagram(source, svgs[i] as string, root)));
          }
          await page.close();
        }),
      );
      return { rendered: missing.length, cached: unique.length - missing.length };
    },
    async close() {
      await browser?.close();
      browser = undefined;
    },
  };
}

const require = createRequire(import.meta.url);

async function mermaidPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage();
  // Nothing is fetched: the page is blank and Mermaid comes from node_modules.
  await page.route('**/*', (route) => route.abort());
  await page.setContent('<!doctype html><html><body></body></html>');
  await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') });
  await page.evaluate((config) => {
    (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
  }, MERMAID_CONFIG);
  return page;
}

async function drawAll(page: Page, sources: readonly string[]): Promise<string[]> {
  // The SVG's id scopes its styles: unique per diagram, stable across builds.
  const jobs = sources.map((source) => [`d${diagramKey(source).slice(0, 12)}`, source] as const);
  const drawn = await page.evaluate(async (jobs) => {
    const m = (
      globalThis as unknown as { mermaid: { render(i: string, t: string): Promise<{ svg: string }> } }
    ).mermaid;
    const out: { svg?: string; error?: string }[] = [];
    for (const [id, text] of jobs) {
      try {
        out.push({ svg: (await m.render(id, text)).svg });
      } catch (error) {
        out.push({ error: String(error) });
      }
    }
    return out;
  }, jobs);
  return drawn.map((result, i) => {
    const source = sources[i] as string;
    if (result.svg === undefined) {
      throw new Error(`Mermaid could not draw this diagram (${result.error}); this is a bug:\n${source}`);
    }
    return checkedSvg(result.svg, source);
  });
}

/**
 * Defence in depth: labels are escaped before Mermaid sees them; this catches a regression.
 * Only tags are looked at (text such as `&lt;img onerror=…&gt;` is harmless): no script
 * element, no event handler attribute, no link with a scheme or to another host.
 */
export function checkedSvg(svg: string, source: string): string {
  for (const [tag] of svg.matchAll(/<[^>]+>/g)) {
    const bad =
      /^<\/?\s*(?:script|iframe|object|embed)\b/i.exec(tag) ??
      /\son[a-z]+\s*=/i.exec(tag) ??
      /\s(?:xlink:)?(?:href|src)\s*=\s*["']?\s*(?:[a-z][a-z0-9+.-]*:|\/\/)/i.exec(tag);
    if (bad) {
      throw new Error(
        `Mermaid produced unsafe SVG (${bad[0].trim()}) for this diagram; this is a bug:\n${source}`,
      );
    }
  }
  return svg;
}
