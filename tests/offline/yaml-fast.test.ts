/**
 * The fast YAML reader against the full parser: wherever it answers, its documents (values,
 * lines, entry lines) must be the full parser's; where it cannot tell, it must not answer. On
 * every YAML file of the fixtures and the sample, on the synthetic cluster written as kubectl and
 * as the `yaml` package write it, on hand-picked edges, and on whatever fast-check draws.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { syntheticCluster } from '../../bench/synthetic/index.ts';
import { SAMPLE_CLUSTER } from '../../scripts/commands/demo.ts';
import { parseYamlFully } from '../../src/core/sources/offline/yaml-documents.ts';
import { fastYamlDocuments } from '../../src/core/sources/offline/yaml-fast.ts';

/** True when the fast reader answered; fails when its answer differs from the full parser's. */
function agrees(text: string, where = 'text'): boolean {
  const fast = fastYamlDocuments(text);
  let full: unknown;
  try {
    full = parseYamlFully(text, where);
  } catch (error) {
    assert.equal(
      fast,
      undefined,
      `${where}: the full parser fails (${String(error)}), the fast one answered`,
    );
    return false;
  }
  if (fast === undefined) return false;
  assert.deepStrictEqual(fast, full, `${where}: ${JSON.stringify(text).slice(0, 400)}`);
  return true;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

test('every YAML file of the fixtures and the sample reads as the full parser reads it', () => {
  const files = [...yamlFiles(join(import.meta.dirname, '..', 'fixtures')), ...yamlFiles(SAMPLE_CLUSTER)];
  let answered = 0;
  for (const file of files) if (agrees(readFileSync(file, 'utf8').replace(/^\uFEFF/, ''), file)) answered++;
  assert.ok(answered >= 40, `the fast reader answered for ${answered} of ${files.length} files`);
  for (const file of yamlFiles(SAMPLE_CLUSTER))
    assert.ok(fastYamlDocuments(readFileSync(file, 'utf8')), `${file} is in the fast subset`);
});

test('a synthetic cluster written as a List, kubectl style and yaml style, reads as the full parser reads it', () => {
  const list = {
    apiVersion: 'v1',
    kind: 'List',
    items: syntheticCluster({ workloads: 40 }).map((i) => i.object),
  };
  for (const indentSeq of [false, true]) {
    const text = stringify(list, { lineWidth: 0, indentSeq, aliasDuplicateObjects: false });
    assert.ok(agrees(text, `indentSeq ${indentSeq}`), 'answered');
    const entries = fastYamlDocuments(text)?.[0]?.entryLines ?? [];
    assert.equal(entries.length, list.items.length);
  }
});

test('hand-picked edges: answered and equal, or left to the full parser', () => {
  const answered = [
    'a: 1\nb: -2\nc: 1.50\nd: 1e3\ne: .5\nf: +5\ng: "007"\nh: 007\ni: -0\n',
    'a: ~\nb: null\nc: Null\nd:\ne: true\nf: False\ng: yes\nh: off\n',
    'a: {}\nb: []\nc: \'it\'\'s\'\nd: "tab\\there \\u00e9 \\x41 \\"q\\" \\\\ \\/"\ne: "a: b # c"\n',
    'url: http://x:80/a#b\nimage: quay.io/ceph/ceph:v18.2.4\nkey:value: x\n',
    'a:\n  b:\n    c: d\n  e:\n  - 1\n  - f: g\n    h: i\n  -\n    j: k\n',
    'items:\n- a: 1\n\n- b: 2\n# a comment\n-   c: 3\n',
    'a: |\n  line 1\n\n    indented\n  line 3\n\n\nb: |-\n  x\n  y\nc: 1\n',
    'a: |\n  # not a comment\n  x\n# a comment\nb: 2\n',
    '---\na: 1\n---\n# only a comment\n---\n\n---\nb: 2\n',
    '- a\n- "b"\n- \'c\'\n- - nested\n',
    '"quoted key": 1\n\'single\': 2\n"a:b": 3\n',
    'unicode: Zürich 😀\nemoji key 😀: v\n',
  ];
  for (const text of answered) agrees(text);
  for (const text of answered.slice(0, 3)) assert.ok(fastYamlDocuments(text), JSON.stringify(text));
  const declined = [
    'a: 1 # comment\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a: {b: 1}\n',
    'a: [1, 2]\n',
    'a: 0o17\nb: 0x1F\nc: .inf\n',
    'a: b\n  c\n',
    'a: "b\n  c"\n',
    'a: >\n  folded\n',
    'a: |+\n  kept\n\n',
    'a: |2\n   x\n',
    'a: 1\na: 2\n',
    '<<: {a: 1}\n',
    '1: a\n',
    'true: a\n',
    '__proto__: a\n',
    'a:\tb\n',
    'a: b\r\n',
    '%YAML 1.2\n---\na: 1\n',
    'just a scalar\n',
    'a: ***HIDDEN***\n',
    '? complex\n: key\n',
  ];
  for (const text of declined) {
    assert.equal(fastYamlDocuments(text), undefined, JSON.stringify(text));
    agrees(text);
  }
});

test('whatever fast-check draws, written by the yaml package, reads as the full parser reads it', () => {
  const text = fc.oneof(
    fc.string({ unit: fc.constantFrom(...'a1 :#-\'"\\ü\n./~{}[]|>&*!%@`,?0xe+') }),
    fc.constantFrom(
      '',
      ' ',
      'true',
      'null',
      '~',
      '1',
      '-1',
      '0o7',
      '0x1',
      '1e3',
      '.5',
      '<<',
      '- a',
      '|',
      '#',
    ),
  );
  const json: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  let answered = 0;
  fc.assert(
    fc.property(
      fc.dictionary(text, json, { minKeys: 1, maxKeys: 5 }),
      fc.boolean(),
      fc.constantFrom(0, 80),
      (data, indentSeq, lineWidth) => {
        if (agrees(stringify(data, { indentSeq, lineWidth }))) answered++;
      },
    ),
    { numRuns: 1500 },
  );
  assert.ok(answered > 300, `answered ${answered} of 1500`);
});

test('whatever lines fast-check puts together, at any indentation, read as the full parser reads them', () => {
  const piece = fc.constantFrom(
    'a:',
    'b: 1',
    'c: x y',
    '- d',
    '-',
    '- e: f',
    '- - g',
    'h: |',
    'h: |-',
    'text',
    '  more text',
    '# comment',
    '#',
    '',
    '"q": x',
    "k: 'v'",
    '---',
    'm: n: o',
    'p: -1',
    'r: {}',
    's: []',
    't:  "u"  ',
    'v: w #x',
    'y: :z',
  );
  const line = fc.tuple(fc.integer({ min: 0, max: 6 }), piece).map(([n, text]) => `${' '.repeat(n)}${text}`);
  let answered = 0;
  fc.assert(
    fc.property(fc.array(line, { minLength: 1, maxLength: 12 }), fc.boolean(), (lines, newline) => {
      if (agrees(`${lines.join('\n')}${newline ? '\n' : ''}`)) answered++;
    }),
    { numRuns: 3000 },
  );
  assert.ok(answered > 100, `answered ${answered} of 3000`);
});
