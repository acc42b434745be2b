import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { checklistHtml } from '../../src/site/runbook/checklist.ts';
import { incidentIdAt, printDocument } from '../../src/site/runbook/print-document.ts';
import { mapRunbookText, readBoundFixture } from '../support/runbook-fixture.ts';

const bound = await readBoundFixture();

test('gates come before the steps, steps in order, each with its sign-off columns', () => {
  const html = checklistHtml(bound, { incident: 'INC-20261124-0600', printedAt: null });
  const gates = html.indexOf('Gates: read before step 1');
  const steps = html.indexOf('id="rb-steps"');
  assert.ok(gates > 0 && gates < steps);
  let at = steps;
  for (const step of bound.steps) {
    const next = html.indexOf(`data-step="${step.id}"`, at);
    assert.ok(next > at, `step ${step.id} in order`);
    at = next;
  }
  assert.equal(html.match(/<table class="rb-sign">/g)?.length, bound.steps.length);
  assert.equal(html.match(/data-field="observed"/g)?.length, bound.steps.filter((s) => s.verify).length);
  assert.match(html, /<strong>INC-20261124-0600<\/strong>/);
  assert.match(html, /FAIL<\/td><td><code>degraded-while-out<\/code>/);
});

test('each point of no return is boxed with the time-out before it and two signature lines', () => {
  const html = checklistHtml(bound, { incident: null, printedAt: null });
  const boxes = html.split('<div class="rb-ponr"').slice(1);
  assert.equal(boxes.length, 2);
  const pairs = [
    ['time-out-purge', 'purge'],
    ['time-out-wipe', 'wipe'],
  ] as const;
  for (const [i, [timeOut, step]] of pairs.entries()) {
    const box = boxes[i] ?? '';
    assert.match(box, /^ data-ponr="[a-z-]+">\n<p class="rb-ponr-label">POINT OF NO RETURN<\/p>/);
    assert.ok(box.indexOf(`data-step="${timeOut}"`) < box.indexOf(`data-step="${step}"`));
    assert.equal(box.match(/class="rb-signature"/g)?.length, 2);
  }
  // No incident yet: a line to write it on.
  assert.match(html, /<dd data-field="incident"><span class="rb-line"/);
});

test('fill-ins are blank lines, and marked where the command leaves them', () => {
  const html = checklistHtml(bound, { incident: null, printedAt: null });
  const wipe = html.slice(html.indexOf('data-step="wipe"'));
  assert.match(wipe, /<span class="rb-fill-mark">⟨by-id path of the disk of osd\.3 on k8s-2/);
  assert.match(wipe, /<h4>Fill in<\/h4><ul class="rb-fill"><li><span class="rb-prompt">by-id path/);
  assert.match(html, /<section class="rb-fillins"[^>]*><h2[^>]*>To fill in/);
});

const TAGS = new Set(
  'html head meta title style body article header h1 h2 h3 h4 dl div dt dd strong code span time section p table thead tbody tr th td ul ol li pre b em a'.split(
    ' ',
  ),
);

/** Tags and attribute names of well-formed tags (quoted values), and the text left around them. */
function markupOf(html: string): { tags: Set<string>; attributes: Set<string>; rest: string } {
  const tags = new Set<string>();
  const attributes = new Set<string>();
  const tag = /<\/?([a-z][a-z0-9]*)((?:\s+[a-z-]+(?:="[^"]*")?)*)\s*>|<!doctype html>/g;
  const rest = html.replace(tag, (_, name: string | undefined, attrs: string | undefined) => {
    if (name) tags.add(name);
    for (const a of (attrs ?? '').matchAll(/\s+([a-z-]+)(?:="[^"]*")?/g)) attributes.add(a[1] as string);
    return '';
  });
  return { tags, attributes, rest };
}

test('no text from a runbook or the inventory becomes markup (property)', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 12 }), (noise) => {
      const evil = `<img src=x onerror="a${noise}">'&\`<b>⟨<i>⟩\``;
      const hostile = mapRunbookText(bound, () => evil);
      const doc = printDocument(hostile, { incident: evil, printedAt: evil, css: 'p{}' });
      for (const html of [doc.html, doc.headerTemplate, doc.footerTemplate]) {
        const { tags, attributes, rest } = markupOf(html);
        assert.deepEqual(
          [...tags].filter((t) => !TAGS.has(t)),
          [],
        );
        assert.deepEqual(
          [...attributes].filter((a) => a.startsWith('on') || a === 'src'),
          [],
        );
        assert.doesNotMatch(rest, /</, 'every < is a tag this code wrote or escaped text');
      }
    }),
    { numRuns: 50 },
  );
});

test('the page header and footer carry incident, runbook, hash, cluster, inventory time and page numbers', () => {
  const doc = printDocument(bound, { incident: 'INC-1', printedAt: '2026-11-24T06:00:00Z', css: '' });
  for (const part of [
    'INC-1',
    'osd-remove',
    'osd/3',
    '3f9a1c07be42',
    'sample-homelab',
    '2026-11-24T06:00:00Z',
  ]) {
    assert.ok(doc.headerTemplate.includes(part), part);
  }
  assert.match(
    doc.footerTemplate,
    /Page <span class="pageNumber"><\/span> of <span class="totalPages"><\/span>/,
  );
  assert.doesNotMatch(doc.html, /<script|<link|<nav/);
});

test('an incident id is made from the UTC time', () => {
  assert.equal(incidentIdAt('2026-11-24T06:05:59Z'), 'INC-20261124-0605');
  assert.equal(incidentIdAt('2026-12-31T23:59:00-02:00'), 'INC-20270101-0159');
});
