import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';

/** The text of each page, as poppler's `pdftotext -layout` lays it out. */
export function pdfPages(file: string): string[] {
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  return text.split('\f').slice(0, -1);
}

/**
 * Every page has "Page N of M" (M = the page count pdfinfo reports) and each of `header`
 * (incident, runbook, hash, cluster, inventory time). Returns the pages' text.
 */
export function assertEveryPage(file: string, header: readonly string[]): string[] {
  const pages = pdfPages(file);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  assert.equal(Number(/^Pages:\s+(\d+)$/m.exec(info)?.[1]), pages.length);
  pages.forEach((page, i) => {
    assert.match(page, new RegExp(`Page ${i + 1} of ${pages.length}`), `page ${i + 1} footer`);
    for (const part of header) assert.ok(page.includes(part), `page ${i + 1} header has ${part}`);
  });
  return pages;
}

/** The one page a text is on (it must be on exactly one), 0-based. */
export function pageOf(pages: readonly string[], text: string | RegExp): number {
  const on = pages.flatMap((p, i) =>
    (typeof text === 'string' ? p.includes(text) : text.test(p)) ? [i] : [],
  );
  assert.equal(on.length, 1, `${text} on one page, found on ${on.map((i) => i + 1).join(', ') || 'none'}`);
  return on[0] as number;
}
