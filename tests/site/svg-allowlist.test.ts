import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { svgAllowlistProblem } from '../../src/io/svg-allowlist.ts';

// Two SVGs as tierbook's drawing page makes them (Mermaid's last DOMPurify pass skipped), from
// the sample site: a storage chain with links and a line break in a label, and a dependency
// picture with a group.
const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'mermaid-svg');
const LINKS = readFileSync(join(FIXTURES, 'links.svg'), 'utf8');
const GROUP = readFileSync(join(FIXTURES, 'group.svg'), 'utf8');
const ID = /^<svg id="(d[0-9a-f]{12})"/.exec(LINKS)?.[1] as string;

/** `svg` with `insert` put right after the first occurrence of `after`. */
function inserted(svg: string, after: string, insert: string): string {
  const at = svg.indexOf(after);
  assert.ok(at >= 0, `fixture holds ${after}`);
  return svg.slice(0, at + after.length) + insert + svg.slice(at + after.length);
}

/** `svg` with `from` (found) replaced by `to`. */
function replaced(svg: string, from: string | RegExp, to: string): string {
  assert.ok(typeof from === 'string' ? svg.includes(from) : from.test(svg), `fixture holds ${from}`);
  return svg.replace(from, to);
}

function accepts(svg: string): void {
  assert.equal(svgAllowlistProblem(svg), null);
}

function refuses(svg: string, why: RegExp): void {
  const problem = svgAllowlistProblem(svg);
  assert.notEqual(problem, null, 'refused');
  assert.match(problem as string, why);
}

/** Elements (and a comment) nothing in a flowchart may hold, wherever they are put. */
const HOSTILE_ELEMENTS = [
  '<script>alert(1)</script>',
  '<set attributeName="href" to="javascript:alert(1)"></set>',
  '<animate attributeName="href" values="javascript:alert(1)"></animate>',
  '<use href="https://evil.example/x.svg#a"></use>',
  '<image href="https://evil.example/x.png"></image>',
  '<iframe src="https://evil.example/"></iframe>',
  '<form action="https://evil.example/"><button>x</button></form>',
  '<meta http-equiv="refresh" content="0;url=https://evil.example/">',
  '<img src="x" onerror="alert(1)">',
  '<object data="x"></object>',
  '<!-- x -->',
  '<style>@import url(https://evil.example/x.css);</style>',
  '<a href="javascript:alert(1)">x</a>',
];
describe('the SVG allowlist', () => {
  test("accepts what Mermaid's flowcharts hold", () => {
    accepts(LINKS);
    accepts(GROUP);
  });

  test("accepts what Mermaid's DOMPurify pass makes of them (a diagram drawn again with it)", () => {
    const purified = LINKS.replace(
      /(<style>)([^<]*)/,
      (_, tag: string, sheet: string) => tag + sheet.replaceAll('>', '&gt;'),
    )
      .replaceAll('<br/>', '<br>')
      .replace(/="([^"]*)"/g, (_, value: string) => `="${value.trim()}"`);
    assert.notEqual(purified, LINKS);
    accepts(purified);
    refuses(purified.replace('&gt;', '&lt;'), /style sheet holds "&"/);
  });

  test('one root <svg>, nothing before or after it', () => {
    accepts(`${LINKS}`);
    refuses(`x${LINKS}`, /before the root/);
    refuses(`${LINKS} `, /after the root/);
    refuses(`${LINKS}${GROUP}`, /after the root/);
    refuses(inserted(LINKS, '<g>', '<svg id="d000000000000"></svg>'), /only it/);
  });

  test('no comment, CDATA, processing instruction or doctype; text is text', () => {
    const after = '<g class="root">';
    accepts(inserted(LINKS, after, 'a label &lt;b&gt;'));
    for (const markup of ['<!-- x -->', '<![CDATA[x]]>', '<?xml-stylesheet href="x"?>', '<!doctype svg>']) {
      refuses(inserted(LINKS, after, markup), /not a tag nor text/);
    }
    refuses(`<!doctype svg>${LINKS}`, /not a tag nor text/);
  });

  test("only the elements Mermaid's flowcharts use", () => {
    const after = '<g class="root">';
    accepts(inserted(LINKS, after, '<g></g>'));
    for (const element of HOSTILE_ELEMENTS.filter((e) => /^<(?!!|style|a )/.test(e))) {
      refuses(inserted(LINKS, after, element), /^element </);
    }
  });

  test('HTML elements only in a label, SVG elements only outside one, the style sheet only under the root', () => {
    const label = '<span class="nodeLabel ">';
    accepts(inserted(LINKS, label, '<p>x</p><br/>'));
    refuses(inserted(LINKS, label, '<rect></rect>'), /element <rect> in a label/);
    refuses(inserted(LINKS, label, '<img src="x">'), /element <img> in a label/);
    refuses(inserted(LINKS, label, '<style>p{}</style>'), /element <style> in a label/);
    refuses(inserted(LINKS, '<g class="root">', '<div></div>'), /element <div>/);
    refuses(inserted(LINKS, '<g class="root">', '<style>g{}</style>'), /not a child of the root/);
  });

  test('only the attributes each element has in Mermaid, each written name="value"', () => {
    accepts(replaced(LINKS, '<g class="root">', `<g class="root" id="${ID}-x">`));
    refuses(
      replaced(LINKS, '<g class="root">', '<g class="root" onload="alert(1)">'),
      /attribute onload on <g>/,
    );
    refuses(replaced(LINKS, '<g class="root">', '<g class="root" href="#x">'), /attribute href on <g>/);
    refuses(replaced(LINKS, '<g class="root">', '<g class="root" src="x">'), /attribute src/);
    refuses(replaced(LINKS, '<g class="root">', "<g class='root'>"), /not a tag nor text/);
    refuses(replaced(LINKS, '<g class="root">', '<g class=root>'), /not a tag nor text/);
    refuses(replaced(LINKS, '<g class="root">', '<g class="root" hidden>'), /not a tag nor text/);
  });

  test('a link is a relative page URL: no scheme, no other host', () => {
    const link = /xlink:href="[^"]*"/;
    accepts(replaced(LINKS, link, 'xlink:href="../../storage/osd.rook-ceph.3/#pools"'));
    for (const url of [
      'javascript:alert(1)',
      ' javascript:alert(1)',
      'https://evil.example/',
      '//evil.example/x',
      'data:text/html,x',
      'about:blank',
    ]) {
      refuses(replaced(LINKS, link, `xlink:href="${url}"`), /xlink:href|script or data URL/);
    }
  });

  test("ids and markers are the diagram's own", () => {
    accepts(replaced(LINKS, '<g class="root">', `<g class="root" id="${ID}-g7">`));
    refuses(replaced(LINKS, '<g class="root">', '<g class="root" id="cookie">'), /id="cookie"/);
    refuses(
      replaced(LINKS, '<g class="root">', '<g class="root" id="d000000000000-x">'),
      /not the diagram's own/,
    );
    refuses(
      replaced(LINKS, /marker-end="url\(#[^)]*\)"/, 'marker-end="url(https://evil.example/#m)"'),
      /marker-end/,
    );
    refuses(
      replaced(LINKS, /marker-end="url\(#[^)]*\)"/, 'marker-end="url(#d000000000000_m)"'),
      /not the diagram's own/,
    );
    refuses(replaced(LINKS, /<svg id="[^"]*"/, '<svg id="x"'), /id="x"/);
  });

  test("the namespaces are SVG's and XHTML's", () => {
    refuses(replaced(LINKS, 'xmlns="http://www.w3.org/1999/xhtml"', 'xmlns="http://evil.example/"'), /xmlns/);
    refuses(
      replaced(LINKS, 'xmlns="http://www.w3.org/2000/svg"', 'xmlns="http://www.w3.org/1999/xhtml"'),
      /xmlns/,
    );
  });

  test("values hold only the serializer's character references and no script or data URL", () => {
    accepts(replaced(LINKS, '<g class="root">', '<g class="root &amp; &quot;x&quot;">'));
    refuses(replaced(LINKS, '<g class="root">', '<g class="&#106;avascript">'), /character reference/);
    refuses(replaced(LINKS, '<g class="root">', '<g class="javascript:x">'), /script or data URL/);
    refuses(replaced(LINKS, '<g class="root">', '<g class="DATA :x">'), /script or data URL/);
  });

  test('the style sheet: no import, no URL but #fragment, no escape, no way out', () => {
    const sheet = '<style>';
    accepts(inserted(LINKS, sheet, `#${ID} .x{stroke:url(#${ID}-gradient);}@keyframes y{to{opacity:1;}}`));
    for (const css of [
      '@import url(https://evil.example/x.css);',
      '@import "x.css";',
      'g{fill:url(https://evil.example/x.svg#a);}',
      'g{background:url( x.png);}',
      'g{width:expression(alert(1));}',
      'g{behavior:url(#x);}',
      'g{-moz-binding:none;}',
      'g{background:javascript:x;}',
      'g{background:u\\72l(x);}',
      'g{content:"&#60;"}',
      'g{}</style ><script>alert(1)</script><style>',
    ]) {
      refuses(inserted(LINKS, sheet, css), /style sheet holds/);
    }
    // The sheet ends at the first </style>: what follows is read as markup, and refused there.
    refuses(inserted(LINKS, sheet, 'g{}</style><script>alert(1)</script><style>'), /element <script>/);
  });

  test('a style attribute: the same rules', () => {
    accepts(
      replaced(
        LINKS,
        '<g class="root">',
        `<g class="root" style="fill:#fecaca !important;stroke:url(#${ID}-gradient)">`,
      ),
    );
    for (const css of ['background:url(https://evil.example/x)', 'width:expression(1)', 'x:\\75rl(y)']) {
      refuses(replaced(LINKS, '<g class="root">', `<g class="root" style="${css}">`), /style holds/);
    }
  });

  test('tags well nested and closed', () => {
    refuses(inserted(LINKS, '<g class="root">', '</g></g>'), /closes no open|after the root/);
    refuses(inserted(LINKS, '<g class="root">', '<g>'), /never closed|closes no open/);
    refuses(inserted(LINKS, '<g class="root">', '<g/>'), /closes itself/);
    refuses(inserted(LINKS, '<span class="nodeLabel ">', '</foreignObject>'), /closes no open/);
    refuses(LINKS.slice(0, -'</svg>'.length), /never closed/);
  });
});

/** Attributes nothing in a flowchart may hold, wherever they are put. */
const HOSTILE_ATTRIBUTES = [
  ' onload="alert(1)"',
  ' onmouseover="alert(1)"',
  ' href="javascript:alert(1)"',
  ' xlink:href="javascript:alert(1)"',
  ' xlink:href="https://evil.example/"',
  ' src="https://evil.example/x"',
  ' style="background:url(https://evil.example/x)"',
  ' style="behavior:url(x.htc)"',
  ' formaction="https://evil.example/"',
  ' attributeName="href"',
  ' id="cookie"',
  ' class="x" class="y" onclick="alert(1)"',
];

/** Where each tag of `svg` starts and where its name ends. */
function tagsOf(svg: string): { start: number; nameEnd: number; end: number }[] {
  return [...svg.matchAll(/<\/?[A-Za-z][A-Za-z0-9]*[^>]*>/g)].map((m) => {
    const name = /^<\/?[A-Za-z][A-Za-z0-9]*/.exec(m[0]) as RegExpExecArray;
    return { start: m.index, nameEnd: m.index + name[0].length, end: m.index + m[0].length };
  });
}

test('the allowlist refuses any SVG with a hostile element or attribute put at any tag', () => {
  const svgs = [LINKS, GROUP].map((svg) => ({ svg, tags: tagsOf(svg) }));
  fc.assert(
    fc.property(
      fc.constantFrom(...svgs),
      fc.nat(),
      fc.oneof(
        fc.record({ kind: fc.constant('element' as const), text: fc.constantFrom(...HOSTILE_ELEMENTS) }),
        fc.record({ kind: fc.constant('attribute' as const), text: fc.constantFrom(...HOSTILE_ATTRIBUTES) }),
      ),
      ({ svg, tags }, n, hostile) => {
        const tag = tags[n % tags.length] as (typeof tags)[number];
        // An element after the tag; an attribute in it, right after its name (a closing tag
        // with an attribute is refused as well).
        const at = hostile.kind === 'element' ? tag.end : tag.nameEnd;
        const changed = svg.slice(0, at) + hostile.text + svg.slice(at);
        return svgAllowlistProblem(changed) !== null;
      },
    ),
    { numRuns: 2_000 },
  );
});
