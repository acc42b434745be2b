import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { readDiagram } from '../../src/io/diagram-cache.ts';
import { openMermaidRenderer } from '../../src/io/mermaid-renderer.ts';

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
