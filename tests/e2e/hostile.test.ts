import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

/** A content dir whose names, labels and notes try to inject markup, scripts and links. */
describe('hostile metadata in Chromium', () => {
  let site: BuiltSite;
  let browser: Browser;

  before(async () => {
    site = await buildAndServe(join(ROOT, 'tests', 'fixtures', 'site', 'hostile'));
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('names, labels, notes and links from the cluster stay text', async () => {
    const { context, offsite, dialogs } = await guardedContext(browser);
    const page = await context.newPage();
    for (const path of [
      '',
      'workloads/',
      'workloads/evil.deployment.x/',
      'workloads/evil.deployment.victim/',
      'storage/storageclass.evil-class/',
    ]) {
      await page.goto(`${site.server.url}${path}`);
      // Hovering would fire any mouseover handler that got through.
      for (const node of await page.locator('.diagram-svg .node').all()) await node.hover();
      const injected = await page
        .locator('main')
        .evaluate((main) => main.querySelectorAll('script, iframe, img').length);
      assert.equal(injected, 0, path);
      // Mermaid's links are xlink:href: both kinds are checked.
      const hrefs = await page
        .locator('a')
        .evaluateAll((links) =>
          links.flatMap((a) => [a.getAttribute('href') ?? '', a.getAttribute('xlink:href') ?? '']),
        );
      assert.ok(
        hrefs.every((h) => !/^\s*javascript:/i.test(h)),
        `${path}: ${hrefs.join(' ')}`,
      );
    }
    await page.goto(`${site.server.url}workloads/evil.deployment.x/`);
    assert.equal(await page.locator('h1').textContent(), 'Deployment evil/<img src=x onerror=alert(1)>');
    assert.ok(await page.getByText('javascript:alert("label")').isVisible());
    assert.ok(await page.getByText('<script>alert("key")</script>').isVisible());
    assert.ok(await page.locator('.notes a', { hasText: 'the wiki' }).isVisible());
    assert.equal(await page.locator('.notes a', { hasText: 'the wiki' }).getAttribute('href'), null);
    await page.locator('.diagram-svg a').first().click();
    await page.waitForURL(/storage\/storageclass\.evil-class\/$/);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(offsite, []);
    await context.close();
  });
});
