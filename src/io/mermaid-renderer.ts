import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium.ts';
import { cacheRoot, diagramKey, hasDiagram, MERMAID_CONFIG, writeDiagram } from './diagram-cache.ts';
import { DiagramError } from './diagram-error.ts';
import { SKIP_SVG_PURIFY_FLAG, withMermaidSpeedups } from './mermaid-speedup.ts';
import { svgAllowlistProblem } from './svg-allowlist.ts';

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

/** Batches sent to a page before the first comes back; the page draws them one after another (drawAll). */
const IN_FLIGHT = 2;

/**
 * Mermaid to SVG in one long-lived Chromium (started only when something is not cached),
 * with a few pages drawing in parallel (each page is a renderer process of its own, so two
 * pages keep two cores drawing), several diagrams per round trip, Mermaid loaded by URL and
 * zero-delay timeouts run as messages (ZERO_DELAY_TIMERS). Each SVG is checked: no script, no
 * event handler, no link leaving the site.
 */
export function openMermaidRenderer(
  options: {
    cacheDir?: string;
    pages?: number;
    /** The drawing browser's switches beyond CHROMIUM_ARGS (default DRAWING_ARGS). */
    chromiumArgs?: readonly string[];
  } = {},
): MermaidRenderer {
  const root = options.cacheDir ?? cacheRoot();
  let browser: Browser | undefined;
  return {
    async renderAll(sources) {
      const unique = [...new Map(sources.map((s) => [diagramKey(s), s])).values()];
      const missing = unique.filter((s) => !hasDiagram(s, root));
      if (missing.length === 0) return { rendered: 0, cached: unique.length };
      browser ??= await launchChromium({ args: options.chromiumArgs ?? DRAWING_ARGS });
      const script = withMermaidSpeedups(
        await readFile(require.resolve('mermaid/dist/mermaid.min.js'), 'utf8'),
      );
      const pageCount = Math.max(1, Math.min(options.pages ?? 2, missing.length));
      const pages = await Promise.all(
        Array.from({ length: pageCount }, () => mermaidPage(browser as Browser, script)),
      );
      let next = 0;
      // A lane takes the next batch, has its page draw it, writes the SVGs, and again. Two
      // lanes a page keep a batch waiting in the page's queue while the other's SVGs travel
      // back and are written, so the page never waits for Node between batches.
      const lane = async (page: Page) => {
        while (next < missing.length) {
          const batch = missing.slice(next, next + BATCH);
          next += batch.length;
          const svgs = await drawChecked(page, batch);
          await Promise.all(batch.map((source, i) => writeDiagram(source, svgs[i] as string, root)));
        }
      };
      await Promise.all(
        pages.map(async (page) => {
          await Promise.all(Array.from({ length: IN_FLIGHT }, () => lane(page)));
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

/**
 * The drawing browser's own switches (decision 98). V8 compiles hot functions with Turbofan on
 * background threads by default; with two pages drawing on two cores those threads only take
 * cores from the pages, and a profile put over half of the renderers' CPU in them, a quarter in
 * the kernel (page faults, madvise, mprotect). Compiled on the page's own thread instead: 300
 * diagrams drew with 12-23% less CPU and 15-25% less wall time (five pairs), the SVGs byte-identical.
 */
export const DRAWING_ARGS: readonly string[] = ['--js-flags=--no-concurrent-recompilation'];

/**
 * The drawing page's address: never resolved (`.invalid`), every request is answered by
 * `page.route` (this page and Mermaid from node_modules) or aborted. A script loaded by URL
 * is compiled off the main thread, about 2 s sooner than the same script inlined.
 */
const ORIGIN = 'https://mermaid.tierbook.invalid';

/**
 * Runs before Mermaid in the drawing page: `setTimeout(f)` and `setTimeout(f, 0)` become a
 * task posted on a MessageChannel. Mermaid's ELK layout talks to its in-page "worker" through
 * four zero-delay timeouts a diagram; drawn one after another, each is nested in the last, and
 * the browser holds every timeout nested five deep for 4 ms (the HTML timer rules), so a third
 * of a page's time was spent waiting. A message is a new task like a timeout, without the
 * wait; the order and the output are the same. Longer delays keep the real timer.
 */
const ZERO_DELAY_TIMERS = `(() => {
  const setTimer = window.setTimeout.bind(window);
  const clearTimer = window.clearTimeout.bind(window);
  const channel = new MessageChannel();
  const waiting = new Map();
  let last = 0;
  channel.port1.onmessage = (event) => {
    const run = waiting.get(event.data);
    if (run) {
      waiting.delete(event.data);
      run();
    }
  };
  window.setTimeout = function (handler, delay, ...args) {
    if (typeof handler !== 'function' || Number(delay ?? 0) > 0) return setTimer(handler, delay, ...args);
    const id = --last;
    waiting.set(id, () => handler.apply(window, args));
    channel.port2.postMessage(id);
    return id;
  };
  window.clearTimeout = function (id) {
    if (!waiting.delete(id)) clearTimer(id);
  };
})();`;

const PAGE = `<!doctype html><html><head><script>${ZERO_DELAY_TIMERS}</script><script src="/mermaid.js"></script></head><body></body></html>`;

async function mermaidPage(browser: Browser, script: string): Promise<Page> {
  const page = await browser.newPage();
  // Nothing is fetched: the page and Mermaid are answered here, anything else is refused.
  // The charset is said: Mermaid holds non-ASCII text (its entity placeholders), which a
  // browser would otherwise read as windows-1252 and then draw `#40;` as garbage.
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url === `${ORIGIN}/`) return route.fulfill({ contentType: 'text/html; charset=utf-8', body: PAGE });
    if (url === `${ORIGIN}/mermaid.js`)
      return route.fulfill({ contentType: 'text/javascript; charset=utf-8', body: script });
    return route.abort();
  });
  await page.goto(`${ORIGIN}/`);
  await page.evaluate((config) => {
    (globalThis as unknown as { mermaid: { initialize(c: unknown): void } }).mermaid.initialize(config);
  }, MERMAID_CONFIG);
  return page;
}

/**
 * Draws a batch with Mermaid's whole-SVG DOMPurify pass skipped and keeps each SVG the
 * allowlist accepts. Any other is never used as it is (decision 95): it is drawn again with
 * the pass on, as before, and must then pass the allowlist too (DOMPurify alone lets a
 * label's `<form action="https://…">` or `<img src>` through), else the build stops naming
 * the diagram.
 */
async function drawChecked(page: Page, sources: readonly string[]): Promise<string[]> {
  const svgs = await drawAll(page, sources, true);
  const refused = svgs.flatMap((svg, i) => (svgAllowlistProblem(svg) === null ? [] : [i]));
  if (refused.length > 0) {
    const purified = await drawAll(
      page,
      refused.map((i) => sources[i] as string),
      false,
    );
    for (const [j, i] of refused.entries()) {
      const svg = purified[j] as string;
      const problem = svgAllowlistProblem(svg);
      if (problem !== null) {
        throw new DiagramError(
          `Mermaid produced SVG outside the allowlist (${problem}), with its DOMPurify pass as well; this is a bug`,
          sources[i] as string,
        );
      }
      svgs[i] = svg;
    }
  }
  return svgs.map((svg, i) => checkedSvg(svg, sources[i] as string));
}

async function drawAll(page: Page, sources: readonly string[], skipPurify: boolean): Promise<string[]> {
  // The SVG's id scopes its styles: unique per diagram, stable across builds.
  const jobs = sources.map((source) => [`d${diagramKey(source).slice(0, 12)}`, source] as const);
  const drawn = await page.evaluate(
    async ({ jobs, flag, skip }) => {
      const page = globalThis as unknown as {
        mermaid: { render(i: string, t: string): Promise<{ svg: string }> };
        tierbookQueue?: Promise<unknown>;
      } & Record<string, unknown>;
      // A batch that arrives while another is drawn waits for it whole in this queue. Mermaid's
      // own queue would interleave the two batches diagram by diagram, both would come back
      // at the end together, and the page would wait for Node again.
      const drawBatch = async () => {
        const out: { svg?: string; error?: string }[] = [];
        for (const [id, text] of jobs) {
          // Set before each diagram: the queue runs one batch at a time, each with its own flag.
          page[flag] = skip;
          try {
            out.push({ svg: (await page.mermaid.render(id, text)).svg });
          } catch (error) {
            out.push({ error: String(error) });
          }
        }
        return out;
      };
      const drawing = (page.tierbookQueue ?? Promise.resolve()).then(drawBatch);
      page.tierbookQueue = drawing;
      return drawing;
    },
    { jobs, flag: SKIP_SVG_PURIFY_FLAG, skip: skipPurify },
  );
  return drawn.map((result, i) => {
    if (result.svg === undefined) {
      throw new DiagramError(
        `Mermaid could not draw this diagram (${result.error}); this is a bug`,
        sources[i] as string,
      );
    }
    return result.svg;
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
      throw new DiagramError(
        `Mermaid produced unsafe SVG (${bad[0].trim()}) for this diagram; this is a bug`,
        source,
      );
    }
  }
  return svg;
}
