import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { breadcrumbs, navCurrent } from '../../src/site/breadcrumbs.ts';
import { focusableCode, outlinePage, TOC_MIN_SECTIONS, tocPosition } from '../../src/site/outline.ts';

describe('headings as places to link to', () => {
  test('each h2 and h3 with an id gets a # self-link; an h2 without one gets an id from its text', () => {
    const { html } = outlinePage(
      '<h2 id="disks">Disks</h2><h3 id="x">X &amp; <code>y</code></h3><h2>Related pools</h2><h3>No id</h3>',
    );
    assert.match(html, /<h2 id="disks">Disks<a class="heading-anchor" href="#disks"[^>]*>#<\/a><\/h2>/);
    assert.match(html, /<h3 id="x">X &amp; <code>y<\/code><a class="heading-anchor" href="#x"/);
    assert.match(html, /<h2 id="related-pools">Related pools<a class="heading-anchor" href="#related-pools"/);
    assert.match(html, /<h3>No id<\/h3>/, 'an h3 without an id is left alone');
  });

  test('a made-up id never takes one the page already has', () => {
    const { html } = outlinePage('<p id="details"></p><h2>Details</h2><h2>Details</h2>');
    assert.match(html, /<h2 id="details-2">/);
    assert.match(html, /<h2 id="details-3">/);
  });

  test('a long page gets a table of contents of its h2s, in words; a short one none', () => {
    const long = Array.from({ length: TOC_MIN_SECTIONS }, (_, i) => `<h2 id="s${i}">S&lt;${i}&gt;</h2>`).join(
      '',
    );
    assert.deepEqual(outlinePage(long).toc[0], { id: 's0', text: 'S<0>' });
    assert.equal(outlinePage(long).toc.length, TOC_MIN_SECTIONS);
    const short = long.replace(/<h2 id="s0">.*?<\/h2>/, '');
    assert.deepEqual(outlinePage(short).toc, []);
  });

  test("the contents go after a failure domain's verdict, which stays first", () => {
    const page =
      '<h1>osd.3</h1><p>x</p><section class="verdict"><h2>If lost</h2></section><section class="device"><h2>Disk</h2></section>';
    assert.equal(tocPosition(page), page.indexOf('<section class="device"'));
    assert.equal(tocPosition('<h1>a</h1><p>b</p><h2>c</h2>'), '<h1>a</h1><p>b</p>'.length);
  });

  test('the contents follow the title, and leave out a section hidden until JavaScript runs', () => {
    const page =
      '<section class="panel" aria-labelledby="p" hidden><h2 id="p">Check off</h2></section><h1>Runbook</h1><table></table>' +
      Array.from({ length: TOC_MIN_SECTIONS }, (_, i) => `<section><h2 id="s${i}">S${i}</h2></section>`).join(
        '',
      );
    assert.equal(tocPosition(page), page.indexOf('<section><h2 id="s0">'));
    assert.deepEqual(
      outlinePage(page).toc.map((t) => t.id),
      Array.from({ length: TOC_MIN_SECTIONS }, (_, i) => `s${i}`),
    );
  });

  test('code blocks take keyboard focus, so one that scrolls can be scrolled', () => {
    assert.equal(
      focusableCode('<pre><code>a</code></pre><pre class="x">b</pre>'),
      '<pre tabindex="0"><code>a</code></pre><pre tabindex="0" class="x">b</pre>',
    );
    assert.equal(focusableCode('<pre tabindex="-1">a</pre><preface>'), '<pre tabindex="-1">a</pre><preface>');
  });
});

describe('breadcrumbs', () => {
  test('Home › section › page, from the URL', () => {
    assert.deepEqual(breadcrumbs('storage/osd.rook-ceph.3/', 'osd.3'), [
      { label: 'Home', url: '' },
      { label: 'Storage', url: 'storage/' },
      { label: 'osd.3', url: null },
    ]);
    assert.deepEqual(breadcrumbs('findings/', 'Findings'), [
      { label: 'Home', url: '' },
      { label: 'Findings', url: null },
    ]);
    assert.deepEqual(breadcrumbs('', 'sample'), []);
  });
});

describe('the header says which section a page is in', () => {
  const NAV = ['', 'workloads/', 'storage/', 'blast/', 'findings/', 'runbooks/'];
  const marks = (url: string) =>
    Object.fromEntries(NAV.map((href) => [href, navCurrent(href, url)]).filter(([, m]) => m));
  test('the index itself is the page; a page below it is in the section; nothing else is marked', () => {
    assert.deepEqual(marks(''), { '': 'page' });
    assert.deepEqual(marks('workloads/'), { 'workloads/': 'page' });
    assert.deepEqual(marks('workloads/databases.cluster.pg-main/'), { 'workloads/': 'true' });
    assert.deepEqual(marks('storage/osd.rook-ceph.3/'), { 'storage/': 'true' });
    assert.deepEqual(marks('findings/rule-backup-missing/2/'), { 'findings/': 'true' });
    assert.deepEqual(marks('rules/backup-missing/'), { 'findings/': 'true' });
    assert.deepEqual(marks('search/'), {});
    assert.deepEqual(marks('404/'), {});
  });
});
