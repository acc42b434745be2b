import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

/** Every page of a built site, as URLs from its root ('' for the home page); not the redirects. */
async function pagesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const pages: string[] = [];
  for (const e of entries) {
    if (!e.isFile() || !e.name.endsWith('.html')) continue;
    const file = join(e.parentPath, e.name);
    const url = relative(dir, file).replace(/index\.html$/, '');
    if (url.startsWith('pagefind/') || (await readFile(file, 'utf8')).includes('http-equiv="refresh"'))
      continue;
    pages.push(url);
  }
  return pages.sort();
}

/**
 * The sample site read the way it is read during an incident: on a phone, verdict first,
 * dark, printed. One build, one browser.
 */
describe('the sample site at 2 AM', () => {
  let site: BuiltSite;
  let browser: Browser;
  let base: string;
  let pages: string[];

  before(async () => {
    site = await buildAndServe(join(ROOT, 'content'));
    base = site.server.url;
    pages = await pagesOf(site.dir);
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function phone(): Promise<BrowserContext> {
    return (await guardedContext(browser, { viewport: { width: 390, height: 844 } })).context;
  }

  test('no page scrolls sideways on a 390 px phone', async () => {
    const context = await phone();
    const page = await context.newPage();
    const types = new Set(pages.map((p) => p.replace(/[./].*$/, '')));
    for (const want of ['', 'workloads', 'storage', 'blast', 'findings', 'runbooks', 'search', '404']) {
      assert.ok(types.has(want), `the built site has a ${want || 'home'} page`);
    }
    const wide: string[] = [];
    for (const url of pages) {
      await page.goto(`${base}${url}`);
      const width = Number(await page.evaluate('document.documentElement.scrollWidth'));
      if (width > 390) wide.push(`${url || '/'}: ${width} px`);
    }
    assert.deepEqual(wide, [], 'pages wider than the screen');
    await context.close();
  });

  test('a failure-domain page opens with its verdict: who loses data, their backups, the runbook', async () => {
    const context = await phone();
    const page = await context.newPage();
    await page.goto(`${base}storage/osd.rook-ceph.3/`);
    const banner = page.locator('section.verdict');
    const first = await page.locator('main > section').first().getAttribute('class');
    assert.match(first ?? '', /verdict/, 'the verdict is the first section');
    const text = ((await banner.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text, /If osd\/3 is lost/);
    assert.match(text, /3 workloads lose data/);
    for (const name of [
      'StatefulSet auth/authentik-redis',
      'Cluster databases/pg-main',
      'PerconaXtraDBCluster databases/pxc-main',
    ]) {
      assert.ok(text.includes(name), `the banner names ${name}`);
    }
    assert.match(text, /backup survives/);
    assert.match(text, /tierbook runbook osd-remove osd\/3/);
    await banner.getByRole('link', { name: 'Cluster databases/pg-main' }).click();
    await page.waitForURL(`${base}workloads/databases.cluster.pg-main/`);
    // The OSD says which device it was configured with, and that /dev/sdc can move.
    await page.goto(`${base}storage/osd.rook-ceph.3/`);
    const device = ((await page.locator('section.device').textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(device, /Configured with \/dev\/sdc on node k8s-2/);
    assert.match(device, /kernel name/);
    assert.match(device, /ls -l \/dev\/disk\/by-id\/ \| grep -w sdc/);
    assert.match(device, /ceph device ls-by-daemon osd\.3/);
    // The node maps each disk to its OSD.
    await page.goto(`${base}storage/node.k8s-2/`);
    const rows = await page.locator('#disks + table tbody tr').allInnerTexts();
    assert.ok(
      rows.some((r) => /\/dev\/sdc[\s\S]*osd\.3/.test(r)),
      rows.join(' | '),
    );
    await context.close();
  });

  test('the dashboard answers "what is at risk" on its first screen', async () => {
    const { context } = await guardedContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    await page.goto(base);
    const worst = page.locator('#worst + ol > li').first();
    const box = await worst.boundingBox();
    assert.ok(box && box.y + box.height <= 800, 'the worst failure domain is on the first screen');
    const text = ((await worst.textContent()) ?? '').replace(/\s+/g, ' ');
    assert.match(text.trim(), /^pool\/rook-ceph\/replicapool \d+ lose data: /);
    assert.match(text, /StatefulSet minio\/minio \(NO backup\)/);
    // Counts by rule link to the rule's section of the findings page.
    const rule = page.locator('table.rule-counts a').first();
    assert.match((await rule.getAttribute('href')) ?? '', /^findings\/#rule-[a-z-]+$/);
    // The high findings are counted by rule, not repeated word for word.
    assert.equal(await page.locator('table.findings').count(), 0);
    await context.close();
  });

  test('findings: sections per severity and rule, an anchor per finding, rule docs, all without JavaScript', async () => {
    const { context } = await guardedContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}findings/#rule-volatile-device-name`);
    const heading = page.locator('#rule-volatile-device-name');
    assert.match((await heading.textContent()) ?? '', /volatile-device-name: 2 objects/);
    assert.equal(await page.locator('#severity-high').count(), 1);
    // The first finding of the rule has its own anchor, and the link to it is on the page.
    const finding = page.locator('#rule-volatile-device-name ~ ol > li').first();
    const id = await finding.getAttribute('id');
    assert.match(id ?? '', /^f-volatile-device-name-/);
    assert.equal(await page.locator(`a[href="#${id}"]`).count(), 1);
    // A kubectl fix is a code block to copy.
    assert.ok((await page.locator('.fix pre code', { hasText: 'kubectl patch pv' }).count()) > 0);
    await heading.getByRole('link', { name: 'what it checks, how to fix' }).click();
    await page.waitForURL(`${base}rules/volatile-device-name/`);
    assert.equal(await page.locator('h1').textContent(), 'volatile-device-name');
    await page.getByRole('link', { name: '2 findings' }).click();
    await page.waitForURL(`${base}findings/#rule-volatile-device-name`);
    await context.close();
  });

  test('search results are readable in both themes (contrast at least 4.5:1, from computed styles)', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const { context } = await guardedContext(browser, { colorScheme });
      const page = await context.newPage();
      await page.goto(`${base}search/?q=postgres`);
      await page.locator('.pagefind-ui__result-link').first().waitFor();
      // Pagefind first draws each result as a skeleton (text the colour of its background, on
      // purpose) and fills it when the fragment arrives: measure what a reader reads, once filled.
      await page.waitForFunction("document.querySelectorAll('.pagefind-ui__loading').length === 0", null, {
        timeout: 10_000,
      });
      const low = (await page.evaluate(CONTRASTS)) as string[];
      assert.deepEqual(low, [], `${colorScheme}: text below 4.5:1`);
      await context.close();
    }
  });

  test('printed: every page stamped with cluster, inventory time and address; diagrams fit a page', async () => {
    const { context } = await guardedContext(browser, { viewport: { width: 700, height: 1000 } });
    const page = await context.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.goto(`${base}storage/osd.rook-ceph.3/`);
    const stamp = page.locator('.print-stamp');
    assert.ok(await stamp.isVisible(), 'the stamp prints');
    const text = (await stamp.textContent()) ?? '';
    assert.ok(text.includes('sample-homelab'), text);
    assert.ok(text.includes('inventory taken at 2026-11-24T06:00:00Z'), text);
    assert.ok(text.includes(`${base}storage/osd.rook-ceph.3/`), text);
    const styles = await page.evaluate(PRINT_STYLES);
    assert.deepEqual(styles, { stamp: 'fixed', mainBreak: 'clone', rowBreak: 'avoid', figureBreak: 'avoid' });
    // A diagram is never taller than a page's 230 mm, and the verdict is on the first page.
    const tallest = Number(await page.evaluate(TALLEST_DIAGRAM));
    assert.ok(tallest > 0 && tallest <= (230 / 25.4) * 96 + 1, `diagram ${tallest} px`);
    const verdict = await page.locator('section.verdict').boundingBox();
    assert.ok(verdict && verdict.y < 500, 'the verdict starts near the top of page 1');
    // Without JavaScript the stamp still names the page, by its path.
    const { context: plain } = await guardedContext(browser, { javaScriptEnabled: false });
    const noJs = await plain.newPage();
    await noJs.emulateMedia({ media: 'print' });
    await noJs.goto(`${base}findings/`);
    assert.match(
      (await noJs.locator('.print-stamp').textContent()) ?? '',
      /sample-homelab · inventory taken at \S+ · findings\/$/,
    );
    await plain.close();
    await context.close();
  });
  test('"/" and Ctrl-K put the cursor in the search box', async () => {
    const { context } = await guardedContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}storage/osd.rook-ceph.3/`);
    const box = page.locator('#site-search');
    await page.keyboard.press('/');
    assert.ok(await box.evaluate((el) => el === el.ownerDocument.activeElement));
    await page.keyboard.type('minio');
    assert.equal(await box.inputValue(), 'minio', 'the slash itself is not typed');
    await page.locator('h1').click();
    await page.keyboard.press('Control+k');
    assert.ok(await box.evaluate((el) => el === el.ownerDocument.activeElement));
    await page.keyboard.press('Enter');
    await page.waitForURL(/search\/\?q=minio/);
    await context.close();
  });
});

const PRINT_STYLES = `(() => ({
  stamp: getComputedStyle(document.querySelector('.print-stamp')).position,
  mainBreak: getComputedStyle(document.querySelector('main')).boxDecorationBreak,
  rowBreak: getComputedStyle(document.querySelector('tr')).breakInside,
  figureBreak: getComputedStyle(document.querySelector('figure')).breakInside,
}))()`;

const TALLEST_DIAGRAM = `Math.max(...[...document.querySelectorAll('.diagram-svg svg')].map((s) => s.getBoundingClientRect().height))`;

/**
 * In the page: each visible text element of the search UI (result titles, excerpts, marks, the
 * count, the input) with a contrast ratio below 4.5:1 against the background it is drawn on.
 */
const CONTRASTS = `(() => {
  const rgb = (c) => (c.match(/[\\d.]+/g) || []).map(Number);
  const lum = ([r, g, b]) => {
    const f = (v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; };
    return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
  };
  const background = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const c = rgb(getComputedStyle(e).backgroundColor);
      if (c.length >= 3 && (c.length === 3 || c[3] > 0)) return c;
    }
    return [255, 255, 255];
  };
  const out = [];
  const selector = '.pagefind-ui__result-link, .pagefind-ui__result-excerpt, .pagefind-ui__result-excerpt mark, .pagefind-ui__message, .pagefind-ui__search-input, .pagefind-ui__search-clear';
  const seen = document.querySelectorAll(selector);
  if (seen.length < 4) out.push('too few search elements: ' + seen.length);
  for (const el of seen) {
    const fg = lum(rgb(getComputedStyle(el).color));
    const bg = lum(background(el));
    const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
    if (ratio < 4.5) out.push(el.className + ' ' + ratio.toFixed(2));
  }
  return out;
})()`;
