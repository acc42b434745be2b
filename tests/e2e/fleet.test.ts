import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildFleet } from '../../src/site/fleet-build.ts';
import { type StaticServer, serveStatic } from '../../src/site/static-server.ts';
import { tierbook } from '../reliability/support.ts';
import { guardedContext, launchBrowser, ROOT } from './support.ts';

/**
 * A fleet of two different clusters in real Chromium: prod (the committed sample, Rook-Ceph)
 * and lab (a Longhorn cluster from the blast fixtures), so some pages exist in one only.
 */
describe('a fleet site in Chromium: the cluster switcher and search across clusters', () => {
  let dir: string;
  let server: StaticServer;
  let browser: Browser;
  let base: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tierbook-e2e-fleet-'));
    const lab = join(dir, 'lab-content');
    const longhorn = join(ROOT, 'tests', 'fixtures', 'blast', 'longhorn', 'cluster.yaml');
    const made = await tierbook(['inventory', '--from', longhorn, '--out', lab, '--cluster', 'homelab-lab']);
    assert.equal(made.code, 0, made.stderr);
    const members = [
      { name: 'prod', contentDir: join(ROOT, 'content') },
      { name: 'lab', contentDir: lab },
    ];
    await buildFleet({ members, outDir: join(dir, 'site') });
    server = await serveStatic(join(dir, 'site'), { port: 0 });
    base = server.url;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await server?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('with JavaScript off, the switcher opens and goes to the same page in the other cluster, or to its home', async () => {
    const { context, offsite } = await guardedContext(browser, { javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${base}prod/findings/`);
    const switcher = page.locator('header .cluster-switch');
    assert.equal(await switcher.locator('summary').textContent(), 'Cluster: prod');
    assert.equal(await switcher.getByRole('link', { name: 'lab' }).isVisible(), false, 'closed at first');
    await switcher.locator('summary').click();
    assert.equal(await switcher.getByRole('link', { name: 'prod' }).getAttribute('aria-current'), 'page');
    await switcher.getByRole('link', { name: 'lab' }).click();
    await page.waitForURL(`${base}lab/findings/`);
    assert.equal(await page.locator('header .cluster-switch summary').textContent(), 'Cluster: lab');

    // A workload only prod has: lab's link goes to lab's dashboard, and says so.
    await page.goto(`${base}prod/workloads/apps.deployment.bookstack/`);
    await page.locator('.cluster-switch summary').click();
    const item = page.locator('.cluster-switch li', { hasText: 'lab' });
    assert.match((await item.textContent()) ?? '', /its dashboard: no such page/);
    await item.getByRole('link', { name: 'lab' }).click();
    await page.waitForURL(`${base}lab/`);
    await page.locator('.cluster-switch summary').click();
    await page.getByRole('link', { name: 'Fleet dashboard' }).click();
    await page.waitForURL(base);
    assert.match((await page.locator('h1').textContent()) ?? '', /cluster by cluster/);
    await context.close();
    assert.deepEqual(offsite, []);
  });

  test('search on one cluster finds pages of every cluster, each result naming its cluster', async () => {
    const { context, offsite, dialogs } = await guardedContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}prod/search/?q=longhorn`);
    const links = page.locator('.pagefind-ui__result-title .pagefind-ui__result-link');
    await links.first().waitFor();
    const first = await links.first().textContent();
    assert.equal(first, 'lab: StorageClass longhorn', 'a page only lab has, found from prod');
    assert.match(
      (await links.first().getAttribute('href')) ?? '',
      /^\/lab\/storage\/storageclass\.longhorn\/$/,
    );
    // Each result's own title (not its sections', drawn nested below it) names the cluster.
    const titles = await links.evaluateAll((as) =>
      as.filter((a) => a.closest('.pagefind-ui__result-nested') === null).map((a) => a.textContent ?? ''),
    );
    assert.ok(titles.length >= 2, titles.join('\n'));
    assert.ok(
      titles.every((t) => /^(prod|lab): /.test(t)),
      titles.join('\n'),
    );
    // The cluster filter Pagefind draws from the merged indexes.
    const filter = page.locator('.pagefind-ui__filter-panel');
    assert.match((await filter.textContent()) ?? '', /cluster[\s\S]*prod[\s\S]*lab/i);

    await page.goto(`${base}lab/search/?q=bookstack`);
    await links.first().waitFor();
    assert.match((await links.first().textContent()) ?? '', /^prod: /);
    await links.first().click();
    await page.waitForURL(/\/prod\/workloads\/apps\.deployment\.bookstack\/$/);
    await context.close();
    assert.deepEqual(offsite, []);
    assert.deepEqual(dialogs, []);
  });
});
