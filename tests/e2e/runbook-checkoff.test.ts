import assert from 'node:assert/strict';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { pdfPages } from '../support/pdf-text.ts';
import {
  addRunbookPage,
  contentWithRunbook,
  mapRunbookText,
  readBoundFixture,
} from '../support/runbook-fixture.ts';
import { type BuiltSite, buildAndServe, guardedContext, launchBrowser } from './support.ts';

/**
 * A runbook page of the built site in real Chromium: the sample content with the hand-written
 * osd-remove binding for osd/3 (tests/fixtures/runbooks) as content/runbooks/osd-remove.osd-3.md.
 */
describe('a runbook page: check-off kept per incident', () => {
  let site: BuiltSite;
  let content: string;
  let browser: Browser;
  let context: BrowserContext;
  let dialogs: string[];
  let offsite: string[];
  const violations: string[] = [];
  let url: string;

  before(async () => {
    const bound = await readBoundFixture();
    content = await contentWithRunbook(bound, 'osd-remove.osd-3.md');
    // The same runbook with markup and quotes in every text, the target's name too.
    const hostile = mapRunbookText(bound, (t) => `${t} <img src=x onerror="window.pwned=1">'"`);
    await addRunbookPage(content, { ...hostile, id: 'hostile' }, 'hostile.md');
    site = await buildAndServe(content);
    url = `${site.server.url}runbooks/osd-remove.osd-3/?incident=INC-TEST-1`;
    browser = await launchBrowser();
    ({ context, dialogs, offsite } = await guardedContext(browser, { acceptDownloads: true }));
    context.on('console', (m) => {
      if (/Content Security Policy|error/i.test(m.text())) violations.push(m.text());
    });
    context.on('weberror', (e) => violations.push(e.error().message));
  });

  after(async () => {
    await browser?.close();
    await site?.close();
    if (content) await rm(content, { recursive: true, force: true });
  });

  const step = (page: Page, id: string) => page.locator(`#step-${id}`);
  async function signIn(page: Page): Promise<void> {
    await page.locator('#rb-doer').fill('AB');
    await page.locator('#rb-verifier').fill('CD');
    for (const box of await step(page, 'sign-in').locator('.rb-check-input').all()) await box.check();
  }
  async function doAndVerify(page: Page, id: string, observed: string): Promise<void> {
    await step(page, id).locator('.rb-done-input').check();
    await step(page, id).locator('.rb-observed-input').fill(observed);
    await step(page, id).locator('.rb-observed-input').blur();
    await step(page, id).locator('.rb-verified-input').check();
  }

  test('with JavaScript off the page is the printed checklist, with no controls', async () => {
    const off = await browser.newContext({ javaScriptEnabled: false });
    const page = await off.newPage();
    await page.goto(url);
    assert.equal(await page.locator('.rb-step').count(), 13);
    assert.equal(await page.getByText('POINT OF NO RETURN', { exact: true }).count(), 2);
    assert.equal(await page.locator('.rb-panel').isVisible(), false);
    assert.equal(await page.locator('input[type=checkbox]').count(), 0);
    await off.close();
  });

  test('steps are checked with time and initials; later steps are blocked until verified; reload keeps it', async () => {
    const page = await context.newPage();
    await page.goto(url);
    assert.equal(await page.locator('#rb-incident').inputValue(), 'INC-TEST-1');
    // Nothing checked yet: every step after the sign-in is blocked.
    assert.match((await step(page, 'health').getAttribute('class')) ?? '', /rb-blocked/);
    await signIn(page);
    assert.doesNotMatch((await step(page, 'health').getAttribute('class')) ?? '', /rb-blocked/);
    assert.match((await step(page, 'ok-to-stop').getAttribute('class')) ?? '', /rb-blocked/);
    assert.equal(await step(page, 'ok-to-stop').locator('.rb-done-input').isDisabled(), true);
    assert.match(
      (await step(page, 'ok-to-stop').locator('.rb-blocked-note').textContent()) ?? '',
      /Blocked: step 2 \(Check the cluster's health\) is not verified yet/,
    );
    // Done but not verified still blocks.
    await step(page, 'health').locator('.rb-done-input').check();
    assert.match((await step(page, 'ok-to-stop').getAttribute('class')) ?? '', /rb-blocked/);
    await step(page, 'health')
      .locator('.rb-observed-input')
      .fill('HEALTH_WARN 1 osd down; 97 pgs active+clean');
    await step(page, 'health').locator('.rb-observed-input').blur();
    await step(page, 'health').locator('.rb-verified-input').check();
    assert.doesNotMatch((await step(page, 'ok-to-stop').getAttribute('class')) ?? '', /rb-blocked/);
    const time = (await step(page, 'health').locator('[data-field="time"]').textContent()) ?? '';
    assert.match(time, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    assert.equal(await step(page, 'health').locator('[data-field="doer"]').textContent(), 'AB');
    assert.equal(await step(page, 'health').locator('[data-field="verifier"]').textContent(), 'CD');

    await page.goto(url.replace(/\?.*$/, '')); // no incident in the URL: the current one
    assert.match(page.url(), /\?incident=INC-TEST-1$/);
    assert.equal(await page.locator('#rb-incident').inputValue(), 'INC-TEST-1');
    assert.equal(await step(page, 'health').locator('.rb-verified-input').isChecked(), true);
    assert.equal(
      await step(page, 'health').locator('.rb-observed-input').inputValue(),
      'HEALTH_WARN 1 osd down; 97 pgs active+clean',
    );
    assert.equal(await step(page, 'health').locator('[data-field="time"]').textContent(), time);
    assert.equal(await page.locator('[data-field="incident"]').first().textContent(), 'INC-TEST-1');

    // Another incident starts blank; going back finds the first one's record.
    await page.locator('#rb-incident').fill('INC-TEST-2');
    await page.locator('#rb-incident').press('Enter');
    assert.equal(await step(page, 'health').locator('.rb-done-input').isChecked(), false);
    assert.equal(await step(page, 'health').locator('.rb-observed-input').inputValue(), '');
    await page.reload();
    assert.equal(await page.locator('#rb-incident').inputValue(), 'INC-TEST-2');
    await page.locator('#rb-incident').fill('INC-TEST-1');
    await page.locator('#rb-incident').press('Enter');
    assert.equal(await step(page, 'health').locator('.rb-verified-input').isChecked(), true);
    await page.close();
  });

  test('a point of no return is passed only by typing the target, and the timeline exports', async () => {
    const page = await context.newPage();
    await page.goto(`${url.replace(/INC-TEST-1$/, 'INC-TEST-3')}`);
    await signIn(page);
    await doAndVerify(page, 'health', 'HEALTH_OK');
    for (const id of ['ok-to-stop', 'operator-down', 'out', 'backfill'])
      await doAndVerify(page, id, `ok ${id}`);
    for (const box of await step(page, 'time-out-purge').locator('.rb-check-input').all()) await box.check();
    const purge = step(page, 'purge');
    assert.doesNotMatch((await purge.getAttribute('class')) ?? '', /rb-blocked/);
    // No tick passes it: the box is disabled, and the button waits for the target's name.
    assert.equal(await purge.locator('.rb-done-input').isDisabled(), true);
    assert.equal(await purge.locator('.rb-confirm').isDisabled(), true);
    await purge.locator('.rb-confirm-text').fill('osd/4');
    assert.equal(await purge.locator('.rb-confirm').isDisabled(), true);
    await purge.locator('.rb-confirm-text').fill('osd/3');
    assert.equal(await purge.locator('.rb-confirm').isDisabled(), false);
    await purge.locator('.rb-confirm').click();
    assert.equal(await purge.locator('.rb-done-input').isChecked(), true);
    assert.equal(await purge.locator('[data-field="doer"]').textContent(), 'AB');
    assert.match(
      (await page.locator('#rb-timeline-list').textContent()) ?? '',
      /step 8 Purge osd\.3 from the cluster · point of no return passed · AB/,
    );

    const [markdown] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#rb-export-md').click(),
    ]);
    assert.equal(markdown.suggestedFilename(), 'INC-TEST-3.osd-remove.timeline.md');
    const md = await readFile((await markdown.path()) as string, 'utf8');
    assert.match(md, /^# Timeline INC-TEST-3: Remove or replace a Rook-Ceph OSD$/m);
    assert.match(md, /hash 3f9a1c07be42/);
    assert.match(
      md,
      /\| 8 Purge osd\.3 from the cluster \| point of no return passed \| AB \| confirmed by typing osd\/3 \|/,
    );
    assert.match(
      md,
      /\| 2 Check the cluster's health \| \S+ AB \| \S+ CD \| every placement group .* \| HEALTH_OK \|/,
    );

    const [json] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#rb-export-json').click(),
    ]);
    const record = JSON.parse(await readFile((await json.path()) as string, 'utf8'));
    assert.equal(record.incident, 'INC-TEST-3');
    assert.equal(record.runbook.hash, '3f9a1c07be42');
    assert.equal(record.target, 'osd/3');
    assert.equal(record.steps[1].observed, 'HEALTH_OK');
    assert.equal(record.steps[7].done.by, 'AB');
    assert.equal(record.steps[8].done, null);
    const events = record.timeline.map((e: { event: string }) => e.event);
    assert.deepEqual(events.slice(0, 4), ['checked', 'checked', 'checked', 'checked']);
    assert.ok(events.includes('point of no return passed'));

    // Printed from the site: the same checklist, what was checked in it, no controls.
    await page.emulateMedia({ media: 'print' });
    const printed = join(content, 'site-print.pdf');
    await writeFile(printed, await page.pdf({ format: 'A4' }));
    await page.emulateMedia({ media: 'screen' });
    const text = pdfPages(printed).join('\f');
    assert.equal(text.match(/POINT OF NO RETURN/g)?.length, 2);
    assert.match(text, /Page 1 of \d+/);
    assert.equal(text.match(/ok operator-down/g)?.length, 1, 'the observed result once, in its box');
    assert.doesNotMatch(
      text,
      /Check off \(kept in this browser\)|Pass the point of no return|Export timeline/,
    );

    // Reset asks twice.
    await page.locator('#rb-reset').click();
    assert.equal(await purge.locator('.rb-done-input').isChecked(), true);
    assert.match((await page.locator('#rb-reset').textContent()) ?? '', /Click again to erase INC-TEST-3/);
    await page.locator('#rb-reset').click();
    assert.equal(await purge.locator('.rb-done-input').isChecked(), false);
    assert.equal(await page.locator('#rb-timeline-list li').count(), 0);
    await page.reload();
    assert.equal(await step(page, 'health').locator('.rb-done-input').isChecked(), false);
    await page.close();
  });

  test('a stored record is shown as text, never run as markup', async () => {
    const page = await context.newPage();
    await page.goto(url.replace(/INC-TEST-1$/, 'INC-EVIL'));
    const evil = '<img src=x onerror="window.pwned=1"><b>bold</b>';
    await page.evaluate((evil) => {
      const key = 'tierbook-runbook|osd-remove|osd/3|INC-EVIL';
      localStorage.setItem(
        key,
        JSON.stringify({
          hash: evil,
          steps: {
            health: { done: { at: evil, by: evil }, verified: null, observed: evil, checks: { 0: 'x' } },
          },
          timeline: [
            { at: evil, step: 'health', number: 2, title: evil, event: evil, by: evil, detail: evil },
            'junk',
          ],
        }),
      );
    }, evil);
    await page.reload();
    assert.equal(await page.evaluate("'pwned' in window"), false);
    assert.equal(await page.locator('main img, main b').count(), 0);
    assert.equal(await step(page, 'health').locator('[data-field="doer"]').textContent(), evil);
    assert.equal(await step(page, 'health').locator('.rb-observed-input').inputValue(), evil);
    assert.match((await page.locator('#rb-status').textContent()) ?? '', /made with runbook hash <img/);
    assert.equal(await page.locator('#rb-timeline-list li').count(), 1);
    await page.close();
  });

  test("an OSD's page links to its bound runbook, a checklist page of the site", async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}storage/osd.rook-ceph.3/`);
    await page.locator('main a[href$="runbooks/osd-remove.osd.3/"]').first().click();
    await page.waitForURL(`${site.server.url}runbooks/osd-remove.osd.3/`);
    assert.equal(await page.locator('h1').textContent(), 'Remove a Rook-Ceph OSD');
    assert.equal(await page.locator('.rb-ponr').count(), 2);
    assert.equal(await page.locator('.rb-panel').isVisible(), true);
    assert.equal(await page.locator('.runbook').getAttribute('data-confirm'), 'osd/3');
    await page.close();
  });

  test('a runbook whose every text is markup shows it as text, and its point of no return still asks for the name', async () => {
    const page = await context.newPage();
    await page.goto(`${site.server.url}runbooks/hostile/?incident=INC-HOSTILE`);
    assert.equal(await page.locator('main img').count(), 0);
    const target = `osd/3 <img src=x onerror="window.pwned=1">'"`;
    assert.equal(await page.locator('.runbook').getAttribute('data-confirm'), target);
    assert.match((await page.locator('h1').textContent()) ?? '', /<img src=x onerror="window\.pwned=1">/);
    await page.locator('#rb-doer').fill('AB');
    await page.locator('#rb-verifier').fill('CD');
    const nth = (n: number) => page.locator('.rb-step').nth(n);
    for (const box of await nth(0).locator('.rb-check-input').all()) await box.check();
    for (let n = 1; n <= 5; n++) {
      await nth(n).locator('.rb-done-input').check();
      await nth(n).locator('.rb-verified-input').check();
    }
    for (const box of await nth(6).locator('.rb-check-input').all()) await box.check();
    const ponr = page.locator('.rb-ponr').first();
    await ponr.locator('.rb-confirm-text').fill('osd/3');
    assert.equal(await ponr.locator('.rb-confirm').isDisabled(), true);
    await ponr.locator('.rb-confirm-text').fill(target);
    await ponr.locator('.rb-confirm').click();
    assert.equal(await nth(7).locator('.rb-done-input').isChecked(), true);
    assert.equal(await page.evaluate("'pwned' in window"), false);
    await page.close();
  });

  test('nothing left the machine, no dialog, no script error or blocked resource', () => {
    assert.deepEqual(offsite, []);
    assert.deepEqual(dialogs, []);
    assert.deepEqual(violations, []);
  });
});
