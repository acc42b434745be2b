/**
 * `tierbook print`'s PDF once Chromium is up: the osd-remove checklist (the hand-written
 * BoundRunbook of tests/fixtures/runbooks, 6 A4 pages) against a blank page printed with the
 * same options in the same run, the least page.pdf can cost. Target: at most 300 ms per PDF.
 * `npm run bench -- print`. Needs Chromium (see README).
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BoundRunbook } from '../src/core/runbooks/model.ts';
import { openPdfPrinter, readRunbookCss } from '../src/site/runbook/pdf.ts';
import { printDocument } from '../src/site/runbook/print-document.ts';

const ROUNDS = 7;
const TARGET_MS = 300;
const fixture = join(import.meta.dirname, '..', 'tests', 'fixtures', 'runbooks', 'osd-remove.osd-3.json');
const bound = JSON.parse(await readFile(fixture, 'utf8')) as BoundRunbook;
const doc = printDocument(bound, {
  incident: 'INC-20261124-0600',
  printedAt: '2026-11-24T06:00:00Z',
  css: await readRunbookCss(),
});
const blank = { ...doc, html: '<!doctype html><html><body></body></html>' };
const say = (text: string) => process.stdout.write(`${text}\n`);

const work = await mkdtemp(join(tmpdir(), 'tierbook-print-bench-'));
let start = performance.now();
const printer = await openPdfPrinter();
say(`Chromium up in ${(performance.now() - start).toFixed(0)} ms`);
try {
  // The first of each warms the page up; not counted.
  await printer.pdf(blank);
  const last = await printer.pdf(doc);
  await writeFile(join(work, 'r.pdf'), last);
  const pages = Number(
    /^Pages:\s+(\d+)$/m.exec(execFileSync('pdfinfo', [join(work, 'r.pdf')], { encoding: 'utf8' }))?.[1],
  );
  const times = { blank: [] as number[], runbook: [] as number[] };
  for (let i = 0; i < ROUNDS; i++) {
    start = performance.now();
    await printer.pdf(blank);
    times.blank.push(performance.now() - start);
    start = performance.now();
    await printer.pdf(doc);
    times.runbook.push(performance.now() - start);
  }
  // Best of the rounds: the least the machine's other load added; the median shows the spread.
  const best = (xs: number[]) => Math.min(...xs);
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
  const row = (label: string, xs: number[]) =>
    say(
      `${label.padEnd(36)} best ${best(xs).toFixed(0).padStart(4)} ms, median ${median(xs).toFixed(0).padStart(4)} ms`,
    );
  row('baseline: blank page, same options', times.blank);
  row(`osd-remove checklist, ${pages} pages`, times.runbook);
  const runbook = best(times.runbook);
  say(
    `checklist / blank: ${(runbook / best(times.blank)).toFixed(2)} (best), ${(median(times.runbook) / median(times.blank)).toFixed(2)} (median); ` +
      `${(runbook / pages).toFixed(0)} ms/page; target <= ${TARGET_MS} ms: ${runbook <= TARGET_MS ? 'met' : 'MISSED'} ` +
      `(load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores)`,
  );
} finally {
  await printer.close();
  await rm(work, { recursive: true, force: true });
}
