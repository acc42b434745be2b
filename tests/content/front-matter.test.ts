/**
 * The front-matter writer against gray-matter's own js-yaml output, which it must match byte
 * for byte (content/ is committed: a changed quote style is a diff in every user's repository).
 * Hand-picked strings at every edge js-yaml's style choice has, then whatever fast-check draws
 * from an alphabet of those edges.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import matter from 'gray-matter';
import type { Json } from '../../src/core/model.ts';
import { withFrontMatter } from '../../src/core/render/front-matter.ts';

const OPTIONS = { lineWidth: -1, noRefs: true } as Parameters<typeof matter.stringify>[2];
const BODY = '# Title\n\nText.\n';

function viaGrayMatter(data: Record<string, Json>, body = BODY): string {
  return matter.stringify(body, data, OPTIONS);
}

const EDGES = [
  '',
  ' ',
  'a',
  'true',
  'True',
  'yes',
  'No',
  'off',
  'null',
  '~',
  '<<',
  '123',
  '0x1f',
  '1e3',
  '.5',
  '.inf',
  '-1',
  '+1',
  '2026-11-24T06:00:00Z',
  'a: b',
  'a:b',
  'a #b',
  'a#b',
  '#a',
  "it's",
  '"q"',
  '-x',
  '- x',
  '?x',
  '[x]',
  '{x}',
  'x,y',
  '@x',
  '`x`',
  '!x',
  '&x',
  '*x',
  '|x',
  '>x',
  '%x',
  'x ',
  ' x',
  'x\ty',
  'x\ny',
  'x\n',
  '\n',
  '\n\n',
  'x\n\n',
  'x\n\n\n',
  '\nx',
  ' x\ny',
  '\n  x\ny',
  'a\n\nb\n',
  'a\n  b\n\n  c',
  'x\n ',
  '  \n',
  'x\n\ty',
  'ü\nß',
  'a\u2028\nb',
  'a\u0085\nb',
  '😀\nx',
  '- a\n- b',
  '$ kubectl get pods \\\n    -n x',
  'ü',
  'Zürich',
  'a\u2028b',
  '\uFEFFa',
  'a\u0007b',
  '/dev/sda',
  'core/Node//node-06',
  'disk node-06:/dev/disk/by-id/nvme-1',
  'x'.repeat(1100),
];

test('every edge string, as a value, a key and a sequence item, is written as js-yaml writes it', () => {
  for (const text of EDGES) {
    const data: Record<string, Json> = {
      value: text,
      [text]: 1,
      list: [text, { inner: text }],
      nested: { deep: [text] },
    };
    assert.equal(withFrontMatter(data, BODY), viaGrayMatter(data), JSON.stringify(text));
  }
});

test('numbers, booleans, null and empty containers are written as js-yaml writes them', () => {
  const data: Record<string, Json> = {
    ints: [0, 1, -1, 42, 2 ** 53, 1e21, 1e22],
    floats: [1.5, -0.25, 1e-7, 0.1 + 0.2],
    negativeZero: -0,
    yes: true,
    no: false,
    none: null,
    emptyList: [],
    emptyMap: {},
    listOfLists: [[1, 2], [], [[3]]],
    listOfMaps: [{ a: 1, b: { c: [] } }, {}],
  };
  assert.equal(withFrontMatter(data, BODY), viaGrayMatter(data));
});

test('an empty mapping writes no front matter, and a body without a final newline gets one', () => {
  assert.equal(withFrontMatter({}, 'text'), viaGrayMatter({}, 'text'));
  assert.equal(withFrontMatter({ a: 'b' }, 'text'), viaGrayMatter({ a: 'b' }, 'text'));
});

test('whatever fast-check draws from the edges is written as js-yaml writes it', () => {
  const text = fc.oneof(
    fc.constantFrom(...EDGES),
    fc.string({ unit: fc.constantFrom(...'a1 :#-\'"ü\n.,[/~\t') }),
  );
  const json: fc.Arbitrary<Json> = fc.letrec<{ value: Json }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      text,
      fc.integer(),
      fc.double({ noNaN: false }),
      fc.boolean(),
      fc.constant(null),
      fc.array(tie('value'), { maxLength: 4 }),
      fc.dictionary(text, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  fc.assert(
    fc.property(fc.dictionary(text, json, { maxKeys: 6 }), (data) => {
      assert.equal(withFrontMatter(data, BODY), viaGrayMatter(data));
    }),
    { numRuns: 500 },
  );
});
