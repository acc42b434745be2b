import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

/**
 * The built sample site in real Chromium: one build, one browser, every request checked to stay
 * on 127.0.0.1.
 */
describe('the sample site in Chromium', () => {
  let site: BuiltSite;
  let browser: Browser;
  let context: BrowserContext;
  let offsite: string[];
  let dialogs: string[];
  let base: string;

  before(async () => {
    site = await buildAndServe(join(ROOT, 'content'));
    base = site.server.url;
    browser = await launchBrowser();
    ({ context, offsite, dialogs } = await guardedContext(browser));
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('navigates home → workloads → a workload → its storage class → back', async () => {
    const page = await context.newPage();
    await page.goto(base);
    assert.equal(await page.locator('h1').textContent(), 'sample-homelab');
    await page.getByRole('navigation', { name: 'Site' }).getByRole('link', { name: 'Workloads' }).click();
    await page.waitForURL(`${base}workloads/`);
    await page.getByRole('link', { name: 'Deployment auth/authentik-server' }).click();
    await page.waitForURL(`${base}workloads/auth.deployment.authentik-server/`);
    assert.equal(await page.locator('h1').textContent(), 'Deployment auth/authentik-server');
    await page.locator('table.volumes').getByRole('link', { name: 'ceph-block-retain' }).click();
    await page.waitForURL(`${base}storage/storageclass.ceph-block-retain/`);
    assert.match((await page.locator('h1').textContent()) ?? '', /ceph-block-retain/);
    await page.goBack();
    await page.waitForURL(`${base}workloads/auth.deployment.authentik-server/`);
    await page.close();
  });

  test('clicking a node of a diagram opens its page', async () => {
    const page = await context.newPage();
    await page.goto(`${base}workloads/databases.cluster.pg-main/`);
    // Mermaid links nodes with xlink:href; find the box by its label.
    const node = page.locator('.diagram-svg a', { hasText: 'pool replicapool' }).first();
    await node.click();
    await page.waitForURL(`${base}storage/pool.rook-ceph.replicapool/`);
    assert.match((await page.locator('h1').textContent()) ?? '', /replicapool/);
    await page.close();
  });

  test('search finds a workload through Pagefind', async () => {
    const page = await context.newPage();
    await page.goto(base);
    await page.getByRole('searchbox').fill('jellyfin');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.waitForURL(/search\/\?q=jellyfin/);
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'jellyfin' }).first();
    await result.waitFor();
    await result.click();
    await page.waitForURL(`${base}workloads/media.deployment.jellyfin/`);
    await page.close();
  });

  test('follows prefers-color-scheme, and the toggle overrides it and is remembered', async () => {
    const page = await context.newPage();
    const background = () =>
      page
        .locator('body')
        .evaluate((body) => body.ownerDocument.defaultView?.getComputedStyle(body).backgroundColor);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.goto(base);
    assert.equal(await background(), 'rgb(24, 24, 27)');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal(await background(), 'rgb(255, 255, 255)');
    const toggle = page.locator('#theme-toggle');
    assert.ok(await toggle.isVisible());
    await toggle.click();
    assert.equal(await background(), 'rgb(24, 24, 27)');
    await page.goto(`${base}storage/`);
    assert.equal(await background(), 'rgb(24, 24, 27)', 'the choice is kept across pages');
    await page.locator('#theme-toggle').click();
    assert.equal(await background(), 'rgb(255, 255, 255)');
    await page.close();
  });

  test('prints the content without the navigation', async () => {
    const page = await context.newPage();
    await page.goto(`${base}workloads/databases.cluster.pg-main/`);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('.site-header').isVisible(), false);
    assert.equal(await page.locator('form[role=search]').isVisible(), false);
    assert.ok(await page.locator('h1').isVisible());
    assert.ok(await page.locator('table.volumes').isVisible());
    assert.ok(await page.locator('.diagram-svg svg').first().isVisible());
    const pdf = await page.pdf();
    assert.ok(pdf.length > 10_000);
    await page.close();
  });

  test('reads with JavaScript off', async () => {
    const noScript = await guardedContext(browser, { javaScriptEnabled: false });
    const page = await noScript.context.newPage();
    await page.goto(`${base}storage/osd.rook-ceph.3/`);
    assert.equal(await page.locator('h1').textContent(), 'osd.3');
    assert.ok(await page.locator('.diagram-svg svg').first().isVisible());
    assert.ok(await page.getByRole('link', { name: 'Cluster databases/pg-main' }).first().isVisible());
    assert.equal(
      await page.locator('#theme-toggle').isVisible(),
      false,
      'the toggle only appears with JavaScript',
    );
    await noScript.context.close();
    assert.deepEqual(noScript.offsite, []);
  });

  test('no request left 127.0.0.1 and no dialog opened', () => {
    assert.deepEqual(offsite, []);
    assert.deepEqual(dialogs, []);
  });
});
