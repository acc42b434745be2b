import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readContentDir } from '../../src/io/content-dir.ts';
import { DiagramError } from '../../src/io/diagram-error.ts';
import { readContent } from '../../src/site/data/read-content.ts';
import { buildSite, diagramPages, siteDiagrams } from '../../src/site/data/site.ts';
import { withDiagramPages } from '../../src/site/site-build.ts';

const CONTENT = path.join(import.meta.dirname, '..', '..', 'content');

test('every diagram of the sample site is traced to the content files of the pages that draw it', async () => {
  const site = buildSite(readContent(await readContentDir(CONTENT)));
  const pages = diagramPages(site);
  const sources = new Set(siteDiagrams(site).map((d) => d.source));
  assert.deepEqual(new Set(pages.keys()), sources);
  for (const [source, files] of pages) {
    assert.ok(files.length > 0, source);
    assert.equal(new Set(files).size, files.length, 'each file once');
    for (const file of files) assert.ok(existsSync(path.join(CONTENT, file)), file);
  }
  // A workload's storage picture is on its own page.
  const pg = site.workloads.find((w) => w.page.path === 'workloads/databases.cluster.pg-main.md');
  assert.ok(pg?.storageDiagram);
  assert.ok(pages.get(pg.storageDiagram.source)?.includes('workloads/databases.cluster.pg-main.md'));
});

test('a diagram that could not be drawn is named with its pages; anything else passes unchanged', async () => {
  const site = buildSite(readContent(await readContentDir(CONTENT)));
  const pages = diagramPages(site);
  const [source, files] = [...pages].find(([, f]) => f.length === 1) ?? assert.fail('a diagram on one page');
  const named = withDiagramPages(
    new DiagramError('Mermaid could not draw this diagram (x); this is a bug', source),
    pages,
    CONTENT,
  );
  assert.ok(named instanceof DiagramError);
  assert.equal(named.source, source);
  assert.equal(
    named.message,
    `Mermaid could not draw this diagram (x); this is a bug; it is drawn on the page of ${path.join(CONTENT, files[0] as string)}:\n${source}`,
  );

  const many = new Map([
    ['flowchart LR\n  a --> b', Array.from({ length: 7 }, (_, i) => `workloads/w${i}.md`)],
  ]);
  const seven = withDiagramPages(new DiagramError('refused', 'flowchart LR\n  a --> b'), many, '/c');
  assert.match(
    (seven as Error).message,
    /^refused; it is drawn on the pages of \/c\/workloads\/w0\.md, .*\/c\/workloads\/w4\.md and 2 more:\nflowchart LR/,
  );

  const unknown = new DiagramError('refused', 'flowchart LR\n  z --> y');
  assert.equal(withDiagramPages(unknown, pages, CONTENT), unknown);
  const other = new Error('disk full');
  assert.equal(withDiagramPages(other, pages, CONTENT), other);
});
