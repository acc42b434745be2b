import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { specifiers } from './imports.ts';
import { FLOORS } from './layers.ts';
import { circles, measure, placeOf, report, violations } from './structure.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

test('every import of src/, scripts/ and bench/ keeps to the floors, no two files import each other, every file is on a part', () => {
  const s = measure(ROOT);
  assert.ok(s.files.length > 400, `only ${s.files.length} source files found: the scan missed the tree`);
  assert.ok(s.edges.length > 1500, `only ${s.edges.length} imports read: the reader missed them`);
  assert.deepEqual(
    { violations: s.violations.length, circles: s.circles.length, unplaced: s.unplaced.length },
    { violations: 0, circles: 0, unplaced: 0 },
    report(s),
  );
});

test('the floors hold what the house promises: the core imports no io, site or CLI file', () => {
  const core = placeOf('src/core/analysis/analyze.ts');
  for (const above of ['src/io/content-dir.ts', 'src/site/load.ts', 'scripts/tierbook.ts'])
    assert.ok(placeOf(above)!.floor > core!.floor, `${above} must stand above the core`);
  const names = FLOORS.flat().map((p) => p.name);
  assert.equal(new Set(names).size, names.length, 'part names are unique');
});

// The pipeline is wired once, by the core's front door (src/core/index.ts, decisions.md 68):
// outside the core nothing builds a graph, analyses, assembles the inventory or binds a runbook
// itself. (src/index.ts, the library's entry, still exports the lower-level functions.)
const WIRED_BY_THE_FRONT_DOOR = [
  'src/core/graph/build.ts',
  'src/core/analysis/analyze.ts',
  'src/core/inventory/assemble.ts',
  'src/core/runbooks/bind.ts',
];

test('the CLI, the site, io and the benchmarks wire the pipeline only through the front door', () => {
  const s = measure(ROOT);
  const outside = (file: string) =>
    ['scripts/', 'bench/', 'src/io/', 'src/site/'].some((p) => file.startsWith(p));
  assert.ok(
    s.edges.some((e) => outside(e.from) && e.to === 'src/core/index.ts'),
    'the front door is used from outside the core',
  );
  assert.deepEqual(
    s.edges
      .filter((e) => outside(e.from) && WIRED_BY_THE_FRONT_DOOR.includes(e.to))
      .map((e) => `${e.from} -> ${e.to}`),
    [],
  );
});

test('an import up a floor, across a floor and a circle are each found, type imports too', () => {
  const up = {
    from: 'src/core/graph/build.ts',
    to: 'src/core/analysis/analyze.ts',
    specifier: '../analysis/analyze.ts',
  };
  const across = {
    from: 'src/core/sources/unread.ts',
    to: 'src/core/drills/model.ts',
    specifier: '../drills/model.ts',
  };
  const down = {
    from: 'src/core/analysis/analyze.ts',
    to: 'src/core/graph/build.ts',
    specifier: '../graph/build.ts',
  };
  assert.deepEqual(
    violations([up, across, down]).map((v) => `${v.way} ${v.fromPart}->${v.toPart}`),
    ['up graph->analysis', 'across sources->drills'],
  );
  assert.deepEqual(
    circles([
      { from: 'a.ts', to: 'b.ts', specifier: './b.ts' },
      { from: 'b.ts', to: 'c.ts', specifier: './c.ts' },
      { from: 'c.ts', to: 'a.ts', specifier: './a.ts' },
      { from: 'c.ts', to: 'd.ts', specifier: './d.ts' },
    ]),
    [['a.ts', 'b.ts', 'c.ts']],
  );
});

test('the reader takes every kind of import and nothing inside strings, templates, comments or regexes', () => {
  const code = [
    "import a from './a.ts';",
    "import type { B } from './b.ts';",
    "import { type C, d } from './c.ts';",
    "export { e } from './e.ts';",
    "export * from './f.ts';",
    "import './g.ts';",
    "const h = await import('./h.ts');",
    "type Y = typeof import('yaml');",
    "// import x from './comment.ts';",
    "/* import x from './block.ts'; */",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template
    "const t = `import x from './template.ts'; ${`inner ${'x'}`} import('./t2.ts')`;",
    "const r = /import x from '.\\/regex.ts'/;",
    'const s = "import x from \'./string.ts\'";',
    "const q = obj.from('./member.ts');",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the code under test holds a template
    "const after = `${{ a: 1 }.a}`; import z from './after-template.ts';",
  ].join('\n');
  assert.deepEqual(specifiers(code), [
    './a.ts',
    './b.ts',
    './c.ts',
    './e.ts',
    './f.ts',
    './g.ts',
    './h.ts',
    'yaml',
    './after-template.ts',
  ]);
});
