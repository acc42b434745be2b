import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readDiagram } from '../../src/io/diagram-cache.ts';
import { DiagramError } from '../../src/io/diagram-error.ts';
import { DRAWING_ARGS, openMermaidRenderer } from '../../src/io/mermaid-renderer.ts';
import { svgAllowlistProblem } from '../../src/io/svg-allowlist.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite, siteDiagrams } from '../../src/site/data/site.ts';

test('draws each diagram once, several to a round trip, and names one Mermaid cannot draw', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const renderer = openMermaidRenderer({ cacheDir });
  try {
    // More than one batch per page, with a repeat: 30 sources, 29 diagrams.
    const sources = Array.from({ length: 29 }, (_, i) => `flowchart LR\n  a${i}["node ${i}"] --> b${i}`);
    const first = await renderer.renderAll([...sources, sources[3] as string]);
    assert.deepEqual(first, { rendered: 29, cached: 0 });
    for (const [i, source] of sources.entries()) {
      const svg = readDiagram(source, cacheDir) ?? '';
      assert.match(svg, /^<svg[\s\S]*<\/svg>$/);
      assert.ok(svg.includes(`node ${i}<`), `diagram ${i} holds its own label`);
    }
    assert.deepEqual(await renderer.renderAll(sources), { rendered: 0, cached: 29 });
    // Mermaid's entity codes come out as the characters (its script is read as UTF-8).
    const entities = 'flowchart LR\n  a["class local-path #40;node-local#41; #8209;x"]';
    await renderer.renderAll([entities]);
    assert.ok(readDiagram(entities, cacheDir)?.includes('class local-path (node-local) \u2011x<'));
    const broken = 'flowchart LR\n  a -->';
    await assert.rejects(renderer.renderAll([`${sources[0]}\n  c --> d`, broken]), (error: Error) => {
      assert.match(error.message, /Mermaid could not draw this diagram/);
      assert.ok(error.message.endsWith(broken));
      assert.ok(error instanceof DiagramError && error.source === broken);
      return true;
    });
  } finally {
    await renderer.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test('one page with several batches sent ahead draws each diagram as its own', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const renderer = openMermaidRenderer({ cacheDir, pages: 1 });
  try {
    // Four batches on one page: two are in the page's queue at a time.
    const sources = Array.from(
      { length: 40 },
      (_, i) => `flowchart LR\n  a${i}["only ${i}"] --> b${i}["x${'y'.repeat(i % 7)}"]`,
    );
    assert.deepEqual(await renderer.renderAll(sources), { rendered: 40, cached: 0 });
    for (const [i, source] of sources.entries()) {
      const svg = readDiagram(source, cacheDir) ?? '';
      const labels = [...svg.matchAll(/only (\d+)</g)].map((m) => m[1]);
      assert.deepEqual(labels, [String(i)], `diagram ${i} holds its own label and no other`);
    }
  } finally {
    await renderer.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
});

/** Labels written straight into Mermaid's text (tierbook escapes its own: these are worse). */
const HOSTILE_LABELS = [
  '<img src=x onerror=alert(1)>',
  "<a href='javascript:alert(1)'>link</a>",
  '<svg><set attributeName=href to=javascript:alert(1)></set></svg>',
  '<style>@import url(https://evil.example/x.css);</style>',
  '</foreignObject><script>alert(1)</script>',
  '</p></span></div></foreignObject></g><script>alert(2)</script>',
  '<form action=https://evil.example/><button>go</button></form>',
  '<meta http-equiv=refresh content=0;url=https://evil.example/>',
  '<iframe src=https://evil.example/></iframe>',
  '<svg><use href=https://evil.example/x.svg#a></use></svg>',
  '<b onmouseover=alert(1)>bold</b>',
];

test('hostile labels drawn by Chromium never come out as script, handler, animation, form or link', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const renderer = openMermaidRenderer({ cacheDir });
  try {
    // Each label alone (a node and an edge label), and all in one diagram.
    const sources = HOSTILE_LABELS.map(
      (label, i) => `flowchart LR\n  a${i}["${label}"] -->|"${label}"| b${i}["ok ${i}"]`,
    );
    sources.push(`flowchart TB\n${HOSTILE_LABELS.map((label, i) => `  n${i}["${label}"]`).join('\n')}`);
    let refused = 0;
    for (const source of sources) {
      // Either the SVG passes the allowlist (as drawn, or drawn again with Mermaid's DOMPurify
      // pass), or the build stops naming the diagram: DOMPurify alone would keep a label's
      // <form action="https://evil.example/">, which tierbook's older check let through.
      try {
        await renderer.renderAll([source]);
      } catch (error) {
        assert.match((error as Error).message, /outside the allowlist/, source);
        assert.ok((error as Error).message.endsWith(source));
        refused++;
        continue;
      }
      const svg = readDiagram(source, cacheDir) ?? '';
      assert.equal(svgAllowlistProblem(svg), null, source);
      // Only tags matter: a label's text may say anything, escaped.
      const tags = [...svg.matchAll(/<[^>]*>/g)].map((m) => m[0]).join('\n');
      assert.doesNotMatch(
        tags,
        /<(?:img|script|set|animate|form|button|meta|iframe|use|b)[\s>]|\son[a-z]+=|javascript:|https?:\/\/evil/i,
        source,
      );
      assert.doesNotMatch(svg, /@import/, source);
    }
    // Some labels are dropped whole by Mermaid's own label sanitising; <form>, <img>, <b> are not.
    assert.ok(refused > 0 && refused < sources.length, `${refused} of ${sources.length} refused`);
    // The skipped pass shows on a diagram that needed no second drawing: Mermaid's
    // class=" edge-thickness-normal ..." is kept as written.
    const plain = 'flowchart LR\n  p["plain"] --> q';
    await renderer.renderAll([plain]);
    assert.match(readDiagram(plain, cacheDir) ?? '', /class=" edge-thickness-normal/);
  } finally {
    await renderer.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test('an SVG the allowlist refuses is drawn again with the DOMPurify pass, and a link off the site stops the build', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const renderer = openMermaidRenderer({ cacheDir });
  try {
    // Mermaid (strict) turns this link into about:blank, which the allowlist refuses; drawn
    // again with its DOMPurify pass, the link has no address left (DOMPurify drops about:).
    const blank = 'flowchart LR\n  a["x"] --> b["y"]\n  click a href "javascript:alert(1)"';
    const plain = 'flowchart LR\n  c["x"] --> d["y"]';
    await renderer.renderAll([blank, plain]);
    const redrawn = readDiagram(blank, cacheDir) ?? '';
    assert.doesNotMatch(redrawn, /about:blank|javascript/);
    assert.match(redrawn, /<a[ >]/);
    // DOMPurify's output: attribute values trimmed, unlike the diagram drawn beside it.
    assert.doesNotMatch(redrawn, /class=" /);
    assert.match(readDiagram(plain, cacheDir) ?? '', /class=" /);
    // A link to another site: Mermaid keeps it, the allowlist refuses it, DOMPurify keeps it
    // too, and the allowlist refuses it again: the build stops naming the diagram.
    const offsite = 'flowchart LR\n  a["x"] --> b["y"]\n  click a href "https://evil.example/"';
    await assert.rejects(renderer.renderAll([offsite]), (error: Error) => {
      assert.match(error.message, /outside the allowlist \(xlink:href="https:\/\/evil\.example\/"/);
      assert.ok(error.message.endsWith(offsite));
      return true;
    });
  } finally {
    await renderer.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
});

test("the drawing browser's own switches (V8 compiling on the page's thread) leave every SVG byte-identical", async () => {
  assert.ok(DRAWING_ARGS.length > 0);
  // The sample's twelve largest diagrams, the ones that run Mermaid's code longest.
  const repo = path.join(import.meta.dirname, '..', '..');
  const sources = siteDiagrams(buildSite(readContent(await readContentDir(path.join(repo, 'content')))))
    .map((d) => d.source)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1))
    .slice(0, 12);
  const drawn = async (chromiumArgs: readonly string[]) => {
    const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
    const renderer = openMermaidRenderer({ cacheDir, pages: 1, chromiumArgs });
    try {
      assert.deepEqual(await renderer.renderAll(sources), { rendered: sources.length, cached: 0 });
      return sources.map((source) => readDiagram(source, cacheDir));
    } finally {
      await renderer.close();
      await rm(cacheDir, { recursive: true, force: true });
    }
  };
  const plain = await drawn([]);
  const switched = await drawn(DRAWING_ARGS);
  for (const [i, svg] of plain.entries()) {
    assert.match(svg ?? '', /^<svg/);
    assert.equal(switched[i], svg, `diagram ${i}:\n${sources[i]}`);
  }
});
