import assert from 'node:assert/strict';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { OutputError } from '../../src/core/errors.ts';
import { openPdfPrinter, type PdfPrinter, readRunbookCss, writePdfFile } from '../../src/site/runbook/pdf.ts';
import { printDocument } from '../../src/site/runbook/print-document.ts';
import { assertEveryPage, pageOf, pdfPages } from '../support/pdf-text.ts';
import { readBoundFixture } from '../support/runbook-fixture.ts';

describe('the runbook as a PDF (Chromium page.pdf, read back with pdftotext)', () => {
  let dir: string;
  let printer: PdfPrinter;
  let file: string;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tierbook-pdf-'));
    printer = await openPdfPrinter();
    const bound = await readBoundFixture();
    const doc = printDocument(bound, {
      incident: 'INC-20261124-0600',
      printedAt: '2026-11-24T06:00:00Z',
      css: await readRunbookCss(),
    });
    file = join(dir, 'osd-remove.pdf');
    await writePdfFile(file, await printer.pdf(doc));
  });

  after(async () => {
    await printer?.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('every page carries the incident, runbook, hash, cluster, inventory time and Page N of M', () => {
    const pages = assertEveryPage(file, [
      'INC-20261124-0600',
      'osd-remove',
      'osd/3',
      'hash 3f9a1c07be42',
      'sample-homelab',
      '2026-11-24T06:00:00Z',
    ]);
    assert.equal(pages.length, 6);
  });

  test('gates first; no step and no point of no return split across pages', async () => {
    const pages = pdfPages(file);
    assert.equal(pageOf(pages, 'Gates: read before step 1'), 0);
    assert.equal(pages.join('').match(/POINT OF NO RETURN/g)?.length, 2);
    // Each box: its label, the time-out, the step and both signature lines on one page.
    const purge = pageOf(pages, 'Time-out before purging');
    assert.equal(pageOf(pages, 'Purge osd.3 from the cluster'), purge);
    const wipe = pageOf(pages, 'Time-out before wiping the disk');
    assert.equal(pageOf(pages, 'Wipe the disk on k8s-2'), wipe);
    for (const p of [purge, wipe]) {
      assert.match(
        pages[p] as string,
        /POINT OF NO RETURN[\s\S]*Done by: name, signature, UTC time\s+Checked by/,
      );
    }
    // A step's title and its last part share a page.
    const bound = await readBoundFixture();
    for (const step of bound.steps.filter((s) => s.verify && s.cites.length > 0)) {
      const at = pageOf(pages, new RegExp(`${step.number}\\s+${step.title.replace(/[.()]/g, '\\$&')}`));
      assert.match(pages[at] as string, new RegExp(`Source: ${step.cites[0]}`), step.title);
    }
  });

  test('an existing PDF is replaced; anything else is refused and left as it was', async () => {
    const other = join(dir, 'notes.pdf');
    await writeFile(other, 'my notes, not a PDF\n');
    await assert.rejects(writePdfFile(other, new Uint8Array([37, 80, 68, 70, 45])), (e: unknown) => {
      assert.ok(e instanceof OutputError);
      assert.match(e.message, /notes\.pdf exists and is not a PDF: not overwriting it/);
      return true;
    });
    assert.equal(await readFile(other, 'utf8'), 'my notes, not a PDF\n');
    await assert.rejects(writePdfFile(dir, new Uint8Array([37])), /exists and is not a file/);
    const before = await readFile(file);
    await writePdfFile(file, before);
    assert.deepEqual(await readFile(file), before);
  });
});
