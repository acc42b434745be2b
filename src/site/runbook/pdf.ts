import { open, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import type { Browser } from 'playwright-core';
import { OutputError } from '../../core/errors.ts';
import { launchChromium } from '../../io/mermaid-renderer.ts';
import { PACKAGE_ROOT } from '../../io/package-root.ts';
import type { PrintDocument } from './print-document.ts';

/** The checklist's stylesheet, shared with the site (public/runbook.css), for the PDF to inline. */
export function readRunbookCss(): Promise<string> {
  return readFile(join(PACKAGE_ROOT, 'public', 'runbook.css'), 'utf8');
}

export interface PdfPrinter {
  /** The document as PDF bytes: A4, a header and footer on every page. */
  pdf(document: PrintDocument): Promise<Uint8Array>;
  close(): Promise<void>;
}

/** Chromium started once (the same launch as the site's diagrams), printing one page at a time. */
export async function openPdfPrinter(): Promise<PdfPrinter> {
  const browser: Browser = await launchChromium();
  const page = await browser.newPage();
  // The document holds everything it shows: nothing is fetched.
  await page.route('**/*', (route) => route.abort());
  await page.emulateMedia({ media: 'print', colorScheme: 'light' });
  return {
    async pdf(document) {
      await page.setContent(document.html, { waitUntil: 'load' });
      return page.pdf({
        format: 'A4',
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: document.headerTemplate,
        footerTemplate: document.footerTemplate,
        margin: { top: '16mm', bottom: '15mm', left: '12mm', right: '12mm' },
      });
    },
    async close() {
      await browser.close();
    },
  };
}

/**
 * Writes the PDF next to `path` and renames it into place, so a reader never sees half a file.
 * An existing file is replaced only when it is a PDF itself: anything else is left alone.
 */
export async function writePdfFile(path: string, bytes: Uint8Array): Promise<void> {
  await refuseNonPdf(path);
  const temp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  try {
    await writeFile(temp, bytes, { flag: 'wx' });
    await rename(temp, path);
  } catch (error) {
    await rm(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code ?? '';
    throw new OutputError(`cannot write ${path}: ${code || (error as Error).message}`);
  }
}

/** Fails (OutputError) when `path` holds something other than a PDF: checked before any work, and again when writing. */
export async function refuseNonPdf(path: string): Promise<void> {
  let info: Awaited<ReturnType<typeof stat>>;
  try {
    info = await stat(path);
  } catch {
    return; // nothing there yet
  }
  if (!info.isFile()) throw new OutputError(`${path} exists and is not a file: not writing the PDF there`);
  const file = await open(path, 'r');
  try {
    const head = Buffer.alloc(5);
    await file.read(head, 0, 5, 0);
    if (head.toString('latin1') !== '%PDF-') {
      throw new OutputError(`${path} exists and is not a PDF: not overwriting it (choose another --out)`);
    }
  } finally {
    await file.close();
  }
}
