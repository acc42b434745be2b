import assert from 'node:assert/strict';
import { readdir } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

/** Every page of a built site, as URLs from its root ('' for the home page). */
async function pagesOf(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && e.name.endsWith('.html'))
    .map((e) => relative(dir, join(e.parentPath, e.name)).replace(/index\.html$/, ''))
    .filter((url) => !url.startsWith('pagefind/'))
    .sort();
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
});
