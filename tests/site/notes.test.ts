import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_NOTES } from '../../src/core/render/notes.ts';
import { notesToHtml } from '../../src/site/data/notes.ts';

test("operators' notes render as Markdown with raw HTML and script links dropped", () => {
  const html = notesToHtml(
    [
      'Call [the wiki](javascript:alert(1)) or [docs](https://wiki.example/runbook) or [local](../x/).',
      '',
      '<script>alert(2)</script>',
      '',
      '[tab](java\tscript:alert(3)) <b onmouseover=alert(4)>x</b>',
      '',
      '![pixel](https://evil.example/pixel.png)',
    ].join('\n'),
  );
  assert.ok(html);
  assert.doesNotMatch(html, /<script|javascript:|onmouseover=|<b|<img/i);
  assert.match(html, /<a href="https:\/\/wiki\.example\/runbook" rel="noopener noreferrer">docs<\/a>/);
  assert.match(html, /<a href="\.\.\/x\/">local<\/a>/);
  // A picture hosted elsewhere is not loaded: it becomes a link.
  assert.match(html, /<a href="https:\/\/evil\.example\/pixel\.png"[^>]*>pixel<\/a>/);
});

test('the untouched default notes are not shown as notes', () => {
  assert.equal(notesToHtml(DEFAULT_NOTES), null);
  assert.equal(notesToHtml(null), null);
  assert.equal(notesToHtml('  \n'), null);
});
