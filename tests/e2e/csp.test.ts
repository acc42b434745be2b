import assert from 'node:assert/strict';
import { readdir, readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser, ROOT } from './support.ts';

const META = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/;

/**
 * A context that records every Content-Security-Policy violation: the page's
 * `securitypolicyviolation` events (through a binding, which CSP does not govern) and the
 * errors Chromium writes to the console (those also cover Pagefind's worker).
 */
async function watchedContext(
  browser: Browser,
  { fromDisk = false } = {},
): Promise<{ context: BrowserContext; violations: string[] }> {
  // The guard aborts every request not to 127.0.0.1, file:// ones too.
  const context = fromDisk ? await browser.newContext() : (await guardedContext(browser)).context;
  const violations: string[] = [];
  await context.exposeBinding('__tierbookCsp', (source, text: string) => {
    violations.push(`${source.page.url()}: ${text}`);
  });
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    window.__tierbookCsp(event.effectiveDirective + ' ' + event.blockedURI + ' ' + event.sample));`);
  context.on('console', (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(`console: ${message.text()}`);
  });
  return { context, violations };
}

/** Waits for reports the browser sends after the fact (they are queued as tasks). */
async function settle(page: Page): Promise<void> {
  await page.evaluate('new Promise((done) => setTimeout(done, 100))');
}

/** Whether each diagram's `<style>` element got a style sheet (a blocked one gets none). */
async function diagramSheets(page: Page): Promise<boolean[]> {
  return page.evaluate(
    `[...document.querySelectorAll('.diagram-svg svg style')].map((s) => s.sheet !== null)`,
  );
}

/** Page code that adds an inline script, reporting by whether it ran. */
const INJECT_SCRIPT = `(() => {
  const script = document.createElement('script');
  script.textContent = 'window.injectedScriptRan = true';
  document.head.append(script);
  return 'injectedScriptRan' in window;
})()`;

const BACKGROUND = 'getComputedStyle(document.body).backgroundColor';

async function pagesOf(dir: string): Promise<string[]> {
  const pages: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile() && entry.name.endsWith('.html')) {
      pages.push(relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'));
    }
  }
  return pages.sort();
}

describe('the Content-Security-Policy of the sample site', () => {
  let site: BuiltSite;
  let browser: Browser;
  let base: string;

  before(async () => {
    site = await buildAndServe(join(ROOT, 'content'));
    base = site.server.url;
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
    await site?.close();
  });

  test('every page carries a policy that allows only the site itself, and no inline script', async () => {
    const pages = await pagesOf(site.dir);
    assert.ok(pages.length > 50, `${pages.length} pages`);
    for (const path of pages) {
      const html = await readFile(join(site.dir, path), 'utf8');
      const policy = META.exec(html)?.[1];
      assert.ok(policy, `${path} has no Content-Security-Policy meta tag`);
      // Before any script or stylesheet it governs.
      assert.ok(html.indexOf(policy) < html.search(/<script|<link|<style/), path);
      const directives = new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));
      assert.deepEqual(directives.get('default-src'), ["'none'"], path);
      assert.deepEqual(directives.get('script-src'), ["'self'", "'wasm-unsafe-eval'"], path);
      assert.deepEqual(directives.get('style-src'), ["'self'"], path);
      assert.deepEqual(directives.get('base-uri'), ["'none'"], path);
      assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*|https?:/, path);
      // Only the diagrams' own styles are hashed.
      for (const hash of directives.get('style-src-elem') ?? [])
        assert.match(hash, /^'(self|sha256-[A-Za-z0-9+/=]+)'$/);
    }
  });

  test('no page, search or theme toggle breaks the policy', async () => {
    const { context, violations } = await watchedContext(browser);
    const page = await context.newPage();
    // Every page of the site: dashboard, workloads, storage, blast, findings, runbooks, 404.
    for (const path of await pagesOf(site.dir)) {
      await page.goto(`${base}${path}`);
      // An old address (a renamed disk page) moves on by itself: wait for the page it names.
      if ((await readFile(join(site.dir, path), 'utf8')).includes('http-equiv="refresh"'))
        await page.waitForURL((url) => url.href !== `${base}${path}`);
      await settle(page);
    }
    await page.goto(`${base}workloads/databases.cluster.pg-main/`);
    // The diagrams' styles apply: their <style> elements got a style sheet.
    const sheets = await diagramSheets(page);
    assert.ok(sheets.length > 0 && sheets.every(Boolean), String(sheets));
    // Search: typed in the header, answered by Pagefind's JavaScript, WebAssembly and index.
    await page.getByRole('searchbox').fill('jellyfin');
    await page.getByRole('button', { name: 'Go' }).click();
    await page.waitForURL(/search\/\?q=jellyfin/);
    const result = page.locator('.pagefind-ui__result-link', { hasText: 'jellyfin' }).first();
    await result.waitFor();
    await page.locator('.pagefind-ui__search-input').fill('pg-main');
    await page.locator('.pagefind-ui__result-link', { hasText: 'pg-main' }).first().waitFor();
    // The theme toggle.
    await page.goto(base);
    const before = await page.evaluate(BACKGROUND);
    await page.locator('#theme-toggle').click();
    const after = await page.evaluate(BACKGROUND);
    assert.notEqual(after, before);
    await settle(page);
    assert.deepEqual(violations, []);
    await context.close();
  });

  test('the policy is enforced: injected inline script, style and framing are blocked and reported', async () => {
    const { context, violations } = await watchedContext(browser);
    const page = await context.newPage();
    await page.goto(`${base}workloads/databases.cluster.pg-main/`);
    const outcome = (await page.evaluate(`(async () => {
      const script = ${INJECT_SCRIPT};
      const handler = document.createElement('div');
      handler.setAttribute('onclick', 'window.injectedHandlerRan = true');
      document.body.append(handler);
      handler.click();
      const style = document.createElement('style');
      style.textContent = 'body { background-color: rgb(1, 2, 3) !important }';
      document.head.append(style);
      document.querySelector('h1').setAttribute('style', 'color: rgb(4, 5, 6)');
      await new Promise((done) => setTimeout(done, 100));
      return {
        script,
        handler: 'injectedHandlerRan' in window,
        background: ${BACKGROUND},
        heading: getComputedStyle(document.querySelector('h1')).color,
      };
    })()`)) as { script: boolean; handler: boolean; background: string; heading: string };
    assert.equal(outcome.script, false, 'an inline script ran');
    assert.equal(outcome.handler, false, 'an inline event handler ran');
    assert.notEqual(outcome.background, 'rgb(1, 2, 3)', 'an unhashed <style> applied');
    assert.notEqual(outcome.heading, 'rgb(4, 5, 6)', 'an unhashed style attribute applied');
    await settle(page);
    const reported = violations.join('\n');
    for (const directive of ['script-src-elem', 'script-src-attr', 'style-src-elem', 'style-src-attr']) {
      assert.match(reported, new RegExp(`: ${directive} inline`), `${directive} not reported:\n${reported}`);
    }
    // frame-ancestors (a header only): another page cannot frame the site.
    const framer = await context.newPage();
    await framer.setContent(`<iframe src="${base}findings/"></iframe>`);
    await framer.waitForTimeout(300);
    const child = framer.frames().find((frame) => frame !== framer.mainFrame());
    assert.ok(child);
    assert.doesNotMatch(child.url(), /findings/, 'the site was framed');
    await context.close();
  });

  test('the demo server sends the policy as a header, with frame-ancestors and nosniff', async () => {
    for (const path of ['', 'workloads/databases.cluster.pg-main/', 'search/', 'no-such-page/']) {
      const response = await fetch(`${base}${path}`);
      const html = await response.text();
      const meta = META.exec(html)?.[1];
      assert.ok(meta, path);
      assert.equal(response.headers.get('content-security-policy'), `${meta}; frame-ancestors 'none'`, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
    // Pagefind's worker takes its policy from its own response: it must allow WebAssembly and the index.
    for (const path of ['site.css', 'theme.js', 'pagefind/pagefind-worker.js']) {
      const response = await fetch(`${base}${path}`);
      assert.equal(
        response.headers.get('content-security-policy'),
        "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
          "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        path,
      );
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
    }
  });

  test('opened from disk (file://) the policy holds and the pages still work', async () => {
    const { context, violations } = await watchedContext(browser, { fromDisk: true });
    const page = await context.newPage();
    const home = pathToFileURL(join(site.dir, 'index.html')).href;
    await page.goto(home);
    await page.locator('#theme-toggle').click();
    assert.equal(await page.evaluate('document.documentElement.dataset.theme'), 'dark');
    await page.goto(
      pathToFileURL(join(site.dir, 'workloads', 'databases.cluster.pg-main', 'index.html')).href,
    );
    const sheets = await diagramSheets(page);
    assert.ok(sheets.length > 0 && sheets.every(Boolean), String(sheets));
    assert.equal(await page.evaluate(INJECT_SCRIPT), false, 'an inline script ran');
    await settle(page);
    assert.ok(violations.length > 0 && violations.every((v) => /script-src/.test(v)), violations.join('\n'));
    await context.close();
  });
});

describe('the Content-Security-Policy of a site built from hostile metadata', () => {
  test('its pages and diagrams need nothing the policy forbids', async () => {
    const site = await buildAndServe(join(ROOT, 'tests', 'fixtures', 'site', 'hostile'));
    const browser = await launchBrowser();
    try {
      const { context, violations } = await watchedContext(browser);
      const page = await context.newPage();
      for (const path of await pagesOf(site.dir)) {
        await page.goto(`${site.server.url}${path}`);
        for (const node of await page.locator('.diagram-svg .node').all()) await node.hover();
        const sheets = await diagramSheets(page);
        assert.ok(sheets.every(Boolean), `${path}: ${sheets}`);
        await settle(page);
      }
      assert.deepEqual(violations, []);
      await context.close();
    } finally {
      await browser.close();
      await site.close();
    }
  });
});
