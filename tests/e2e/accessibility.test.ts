import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

/** One page of every kind the site has. */
const PAGES = [
  '',
  'workloads/',
  'workloads/databases.cluster.pg-main/',
  'storage/',
  'storage/osd.rook-ceph.3/',
  'storage/pool.rook-ceph.replicapool/',
  'storage/node.k8s-2/',
  'storage/disk.k8s-2.sdc/',
  'storage/storageclass.ceph-block/',
  'blast/',
  'findings/',
  'rules/',
  'rules/volatile-device-name/',
  'runbooks/',
  'runbooks/osd-remove.osd.3/',
  'search/?q=postgres',
];

interface Violation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * axe-core (from npm) over one page of every kind, light and dark, in real Chromium: no
 * serious or critical violation of WCAG 2.x A/AA or axe's best practices. axe's source is run
 * through page.evaluate, which the site's Content-Security-Policy does not govern.
 */
describe('accessibility (axe-core) of the sample site', () => {
  let site: BuiltSite;
  let browser: Browser;
  let axeSource: string;

  before(async () => {
    axeSource = await readFile(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
    site = await buildAndServe(join(ROOT, 'content'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  async function violations(page: Page): Promise<Violation[]> {
    await page.evaluate(axeSource);
    const result = (await page.evaluate(
      `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } })`,
    )) as { violations: Violation[] };
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  }

  for (const colorScheme of ['light', 'dark'] as const) {
    test(`no serious or critical violation on any kind of page (${colorScheme})`, async () => {
      const { context } = await guardedContext(browser, { colorScheme });
      const page = await context.newPage();
      const found: string[] = [];
      for (const url of PAGES) {
        const response = await page.goto(`${site.server.url}${url}`);
        assert.equal(response?.status(), 200, url);
        if (url.startsWith('search/')) {
          await page.locator('.pagefind-ui__result-link').first().waitFor();
          await page.waitForFunction("document.querySelectorAll('.pagefind-ui__loading').length === 0");
        }
        for (const v of await violations(page)) {
          const where = v.nodes.map((n) => n.target.join(' ')).slice(0, 3);
          found.push(`/${url} [${v.impact}] ${v.id}: ${v.help} at ${where.join(', ')}`);
        }
      }
      assert.deepEqual(found, [], `${colorScheme}: axe violations`);
      await context.close();
    });
  }

  test('breadcrumbs, contents and # links on headings work without JavaScript, from the keyboard', async () => {
    const { context } = await guardedContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}storage/osd.rook-ceph.3/`);
    const crumbs = page.getByRole('navigation', { name: 'Breadcrumb' });
    assert.deepEqual(await crumbs.getByRole('link').allTextContents(), ['Home', 'Storage']);
    assert.equal(await crumbs.locator('[aria-current="page"]').textContent(), 'osd.3');
    // The verdict comes first; the contents follow it and lead to each section.
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const verdict = await page.locator('section.verdict').boundingBox();
    const tocBox = await toc.boundingBox();
    assert.ok(verdict && tocBox && tocBox.y > verdict.y, 'the contents come after the verdict');
    await toc.getByRole('link', { name: 'Blast radius if it is lost' }).click();
    await page.waitForURL(/#blast-radius$/);
    // The heading's own # link: hidden until focused, reached by Tab, a link to itself.
    const anchor = page.locator('#blast-radius .heading-anchor');
    assert.equal(await anchor.getAttribute('href'), '#blast-radius');
    assert.equal(await anchor.evaluate((a) => a.ownerDocument.defaultView?.getComputedStyle(a).opacity), '0');
    let reached = false;
    for (let i = 0; i < 100 && !reached; i++) {
      await page.keyboard.press('Tab');
      reached = await anchor.evaluate((a) => a === a.ownerDocument.activeElement);
    }
    assert.ok(reached, 'Tab reaches the # link');
    assert.equal(
      await anchor.evaluate((a) => a.ownerDocument.defaultView?.getComputedStyle(a).opacity),
      '1',
      'seen when focused',
    );
    await context.close();
  });

  test('the search dialog ("/" over a page) has no serious or critical violation', async () => {
    const { context } = await guardedContext(browser, { colorScheme: 'dark' });
    const page = await context.newPage();
    await page.goto(`${site.server.url}workloads/`);
    await page.keyboard.press('/');
    const input = page.locator('#search-dialog input');
    await input.waitFor();
    await input.fill('minio');
    await page.locator('#search-dialog .pagefind-ui__result-link').first().waitFor();
    await page.waitForFunction("document.querySelectorAll('.pagefind-ui__loading').length === 0");
    const found = (await violations(page)).map((v) => `${v.id}: ${v.help}`);
    assert.deepEqual(found, []);
    await context.close();
  });
});
