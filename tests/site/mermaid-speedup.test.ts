import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import fc from 'fast-check';
import { launchChromium } from '../../src/io/chromium.ts';
import { MERMAID_CONFIG } from '../../src/io/diagram-cache.ts';
import {
  ASSIGN_WITH_DEPTH,
  DETACHED_LENGTH,
  EDGE_LENGTH,
  GET_CONFIG,
  LAZY_CONFIG_COPY,
  SANITIZE_TEXT,
  SANITIZE_TEXT_MEMO,
  WHOLE_SVG_PURIFY,
  withMermaidSpeedups,
} from '../../src/io/mermaid-speedup.ts';

const bundle = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');

test('the faster copies, the label memo, the skippable whole-SVG pass and the edge lengths apply to the installed Mermaid (else it changed: redo or drop mermaid-speedup.ts)', () => {
  const patched = withMermaidSpeedups(bundle);
  assert.equal(
    patched.length - bundle.length,
    ASSIGN_WITH_DEPTH.faster.length -
      ASSIGN_WITH_DEPTH.original.length +
      GET_CONFIG.lazy.length -
      GET_CONFIG.original.length +
      SANITIZE_TEXT.memo.length -
      SANITIZE_TEXT.original.length +
      WHOLE_SVG_PURIFY.skippable.length -
      WHOLE_SVG_PURIFY.original.length +
      EDGE_LENGTH.detached.length -
      EDGE_LENGTH.original.length,
  );
  assert.ok(patched.includes(WHOLE_SVG_PURIFY.skippable));
  assert.ok(patched.includes(EDGE_LENGTH.detached));
  assert.ok(patched.includes(ASSIGN_WITH_DEPTH.faster));
  assert.ok(patched.includes(GET_CONFIG.lazy));
  assert.ok(!patched.includes(GET_CONFIG.original));
  // Each alone when only its text is there; neither when it is found twice or not at all.
  assert.equal(withMermaidSpeedups('not mermaid'), 'not mermaid');
  assert.equal(withMermaidSpeedups(`a;${GET_CONFIG.original};b`), `a;${GET_CONFIG.lazy};b`);
  const twice = `${GET_CONFIG.original};${GET_CONFIG.original}`;
  assert.equal(withMermaidSpeedups(twice), twice);
});

type Assign = (dst: unknown, src: unknown, options?: { depth?: number }) => unknown;

/** The function as the bundle defines it: strict code (the bundle is), `i` names a function. */
function compile(text: string): Assign {
  return new Function('i', `"use strict"; let sHe; ${text}; return sHe;`)((f: unknown) => f) as Assign;
}

/** Everything observable: prototypes, own keys in order, descriptors, values, which objects are shared. */
function dump(root: unknown): string {
  const seen = new Map<object, number>();
  const walk = (value: unknown): unknown => {
    if (typeof value === 'function') return `fn:${value.name}`;
    if (value === null || typeof value !== 'object') return [typeof value, value];
    const known = seen.get(value);
    if (known !== undefined) return `ref:${known}`;
    seen.set(value, seen.size);
    const proto = Object.getPrototypeOf(value);
    const kind =
      proto === Object.prototype
        ? 'object'
        : proto === Array.prototype
          ? 'array'
          : proto === null
            ? 'null'
            : 'other';
    return {
      kind,
      extensible: Object.isExtensible(value),
      own: Reflect.ownKeys(value).map((key) => {
        const d = Object.getOwnPropertyDescriptor(value, key) as PropertyDescriptor;
        return [
          String(key),
          d.writable,
          d.enumerable,
          d.configurable,
          'value' in d ? walk(d.value) : 'accessor',
        ];
      }),
    };
  };
  return JSON.stringify(walk(root));
}

class WithSetter {
  seen: unknown[] = [];
  set name(value: unknown) {
    this.seen.push(value);
  }
}

/** [dst, src, depth] made fresh for each run: the copy changes dst. */
const CASES: (() => [unknown, unknown, number | undefined])[] = [
  () => [{}, { a: 1, b: 'x', c: { d: 2, e: { f: 3, g: { h: 4 } } }, n: null, u: undefined }, undefined],
  () => [{ a: { keep: 1 }, c: 5 }, { a: { add: 2 }, c: { x: 1 }, b: [1, 2] }, undefined],
  () => [{}, { list: [1, 2, 2, { o: 1 }], nested: { list: ['a', 'a'] } }, undefined],
  () => [{ list: [1, 3] }, { list: [3, 4] }, undefined],
  () => [{}, JSON.parse('{"__proto__": {"polluted": 1}, "constructor": 2, "toString": {"x": 1}}'), undefined],
  () => [{}, JSON.parse('{"__proto__": 5, "valueOf": 7}'), undefined],
  () => [[], { 0: 'a', length: 3, x: { y: 1 } }, undefined],
  () => [Object.create(null), { a: 1, b: { c: 2 }, __proto__x: 3 }, undefined],
  () => [new WithSetter(), { name: 'n', other: { o: 1 } }, undefined],
  () => [{}, [{ a: 1 }, { b: { c: 2 } }, { a: 3 }], undefined],
  () => [{ deep: { deeper: { deepest: 1 } } }, { deep: { deeper: { other: 2 } } }, 1],
  () => [{}, { a: { b: { c: { d: 1 } } } }, 0],
  () => [{}, { a: { b: 1 } }, 5],
  () => [undefined, { a: 1 }, undefined],
  () => [{ a: 1 }, 'text', undefined],
  () => [{ f: () => 1 }, { f: { x: 1 }, g: () => 2, h: Symbol.for('s') }, undefined],
  () => [Object.freeze({ a: 1 }), { a: 2 }, undefined],
  () => [Object.preventExtensions({ a: 1 }), { b: 2 }, undefined],
];

test('the faster copy gives what Mermaid gives, on every kind of input', () => {
  const original = compile(ASSIGN_WITH_DEPTH.original);
  const faster = compile(ASSIGN_WITH_DEPTH.faster);
  const run = (assign: Assign, make: (typeof CASES)[number]) => {
    const [dst, src, depth] = make();
    try {
      const out = depth === undefined ? assign(dst, src) : assign(dst, src, { depth });
      return dump([out, dst, src]);
    } catch (error) {
      return `throws ${(error as Error).constructor.name}; dst ${dump(dst)}`;
    }
  };
  for (const [i, make] of CASES.entries()) {
    assert.equal(run(faster, make), run(original, make), `case ${i}`);
  }
});

type Lazy = (assign: Assign, source: object) => Record<PropertyKey, unknown>;

/** One step done to a copy; what it saw is recorded (objects by the order they were first seen). */
type Step =
  | { op: 'get'; key: string }
  | { op: 'write-into'; key: string; value: number }
  | { op: 'set' | 'define'; key: string; value: number }
  | { op: 'delete' | 'has' | 'descriptor'; key: string }
  | { op: 'keys' | 'json' | 'spread' | 'freeze' | 'null-prototype' | 'inherit' | 'assign-into' };

function apply(copy: Record<PropertyKey, unknown>, steps: readonly Step[]): string {
  const seen = new Map<unknown, number>();
  const id = (v: unknown) => {
    if (v === null || (typeof v !== 'object' && typeof v !== 'function')) return dump(v);
    if (!seen.has(v)) seen.set(v, seen.size);
    return `#${seen.get(v)} ${typeof v === 'function' ? 'fn' : dump(v)}`;
  };
  const log: string[] = [];
  for (const step of steps) {
    try {
      switch (step.op) {
        case 'get':
          log.push(id(copy[step.key]));
          break;
        case 'write-into': {
          const section = copy[step.key];
          // Into a section, never into Object.prototype (`__proto__` of a copy without one).
          if (section !== null && typeof section === 'object' && section !== Object.prototype)
            (section as Record<string, unknown>).w = step.value;
          log.push(id(section));
          break;
        }
        case 'set':
          copy[step.key] = step.value;
          break;
        case 'define':
          Object.defineProperty(copy, step.key, { value: step.value, enumerable: false, configurable: true });
          break;
        case 'delete':
          log.push(String(delete copy[step.key]));
          break;
        case 'has':
          log.push(String(step.key in copy));
          break;
        case 'descriptor':
          log.push(dump(Object.getOwnPropertyDescriptor(copy, step.key) ?? null));
          break;
        case 'keys':
          log.push(Reflect.ownKeys(copy).map(String).join());
          break;
        case 'json':
          log.push(JSON.stringify(copy) ?? 'undefined');
          break;
        case 'spread':
          log.push(dump({ ...copy }));
          break;
        case 'freeze':
          Object.freeze(copy);
          log.push(String(Object.isFrozen(copy)));
          break;
        case 'null-prototype':
          Object.setPrototypeOf(copy, null);
          break;
        case 'inherit':
          log.push(id(Object.create(copy).flowchart));
          break;
        case 'assign-into':
          log.push(dump(Object.assign({}, copy)));
          break;
      }
    } catch (error) {
      log.push(`throws ${(error as Error).constructor.name}`);
    }
  }
  log.push(dump(copy));
  return log.join('\n');
}

class Theme {
  primaryColor = '#fff';
  nested = { a: 1 };
  get derived() {
    return 'not copied';
  }
}

const KEYS = [
  'flowchart',
  'theme',
  'themeVariables',
  'list',
  'gone',
  'nothing',
  'fn',
  'toString',
  'constructor',
  '__proto__',
  'w',
];
const leaf = fc.oneof(
  fc.integer(),
  fc.string({ maxLength: 3 }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  node: fc.oneof(
    { depthSize: 'small' },
    leaf,
    fc.array(tie('node'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS, 'a', 'b'), tie('node'), { maxKeys: 4 }),
  ),
})).node;
const source = fc
  .tuple(fc.dictionary(fc.constantFrom(...KEYS), value, { maxKeys: 8 }), fc.boolean(), fc.boolean())
  .map(([base, theme, fn]) => {
    // JSON.parse makes `__proto__` an own key, as a parsed directive would.
    const config = JSON.parse(JSON.stringify(base, (_k, v) => (v === undefined ? null : v))) as Record<
      string,
      unknown
    >;
    for (const [k, v] of Object.entries(base)) if (v === undefined) config[k] = undefined;
    if (theme) config.themeVariables = new Theme();
    if (fn) config.fn = () => 1;
    return config;
  });
const step: fc.Arbitrary<Step> = fc.oneof(
  fc.record({
    op: fc.constantFrom('get' as const, 'delete' as const, 'has' as const, 'descriptor' as const),
    key: fc.constantFrom(...KEYS),
  }),
  fc.record({
    op: fc.constantFrom('write-into' as const, 'set' as const, 'define' as const),
    key: fc.constantFrom(...KEYS),
    value: fc.integer(),
  }),
  fc.record({
    op: fc.constantFrom(
      'keys' as const,
      'json' as const,
      'spread' as const,
      'freeze' as const,
      'null-prototype' as const,
      'inherit' as const,
      'assign-into' as const,
    ),
  }),
);

test('the lazy getConfig copy is, to every operation in any order, the copy Mermaid makes', () => {
  const assign = compile(ASSIGN_WITH_DEPTH.faster);
  const lazy = new Function(`"use strict"; return ${LAZY_CONFIG_COPY}`)() as Lazy;
  const eager = (config: object) => assign({}, config) as Record<PropertyKey, unknown>;
  fc.assert(
    fc.property(source, fc.array(step, { maxLength: 12 }), (config, steps) => {
      const before = dump(config);
      assert.equal(apply(lazy(assign, config), steps), apply(eager(config), steps));
      // Neither changes the configuration it copies (a section is written into only as a copy).
      assert.equal(dump(config), before);
    }),
    { numRuns: 3000 },
  );
});

test('the lazy copy reads a section once and hands out the same object, as the eager copy holds one', () => {
  const assign = compile(ASSIGN_WITH_DEPTH.faster);
  const lazy = new Function(`"use strict"; return ${LAZY_CONFIG_COPY}`)() as Lazy;
  const config = { flowchart: { curve: 'basis', nested: { a: 1 } }, htmlLabels: true, gone: null };
  const copy = lazy(assign, config);
  const flowchart = copy.flowchart as Record<string, unknown>;
  assert.equal(copy.flowchart, flowchart);
  assert.notEqual(flowchart, config.flowchart);
  flowchart.arrowMarkerAbsolute = false;
  assert.equal(Object.hasOwn(config.flowchart, 'arrowMarkerAbsolute'), false);
  assert.deepEqual(Object.keys(copy), ['flowchart', 'htmlLabels']);
  assert.equal(copy.flowchart, flowchart, 'kept through the whole copy');
  assert.equal(copy.gone, undefined);
});

test('the label memo answers a label sanitised before, and only where DOMPurify would give the same', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><body></body>');
    await page.addScriptTag({
      content: readFileSync(createRequire(import.meta.url).resolve('dompurify/dist/purify.js'), 'utf8'),
    });
    // Real DOMPurify in a real page, called as Mermaid's sanitizeText calls it (its own
    // settings when given, else remove scripts, then again forbidding <style>); "strict"
    // stands for the branch that removes scripts.
    const seen = await page.evaluate((memoText) => {
      type Purify = {
        sanitize(t: string, c?: object): { toString(): string };
        addHook(h: string, f: (node: { removeAttribute(name: string): void }) => void): void;
      };
      type Config = { securityLevel: string; dompurifyConfig?: object };
      type Page = {
        createElement(tag: string): { setAttribute(name: string, value: string): void };
        body: { append(node: unknown): void };
      };
      const { DOMPurify: purify, document } = globalThis as unknown as { DOMPurify: Purify; document: Page };
      let calls = 0;
      const direct = (text: string, config: Config) => {
        calls++;
        if (config.dompurifyConfig) return purify.sanitize(text, config.dompurifyConfig).toString();
        const scriptless = config.securityLevel === 'strict' ? purify.sanitize(text).toString() : text;
        return purify.sanitize(scriptless, { FORBID_TAGS: ['style'] }).toString();
      };
      const memo = new Function(`return ${memoText}`)()(
        direct,
        (config: Config) => config.securityLevel === 'strict',
      ) as (text: string, config: Config) => string;
      const answered = (text: string, config: Config) => {
        const before = calls;
        const out = memo(text, config);
        return { out, fromMemo: calls === before, now: direct(text, config) };
      };
      const strict = { securityLevel: 'strict' };
      const label = 'checkout-db<br/><b>stateful</b><script>x()</script>';
      const first = answered(label, strict);
      const again = answered(label, strict);
      // DOMPurify's clobbering check is against its own inert document: a form the page
      // gains, named like an id in the label, changes nothing.
      const clobber = '<span id="probe">x</span>';
      const beforeForm = answered(clobber, strict);
      const form = document.createElement('form');
      form.setAttribute('name', 'probe');
      document.body.append(form);
      const afterForm = answered(clobber, strict);
      // The caller's own settings, changed in place between two calls.
      const own = { ALLOWED_TAGS: ['b'] };
      const withOwn = { securityLevel: 'strict', dompurifyConfig: own };
      const ownFirst = answered('<b>1</b><i>2</i>', withOwn);
      own.ALLOWED_TAGS = ['i'];
      const ownAgain = answered('<b>1</b><i>2</i>', withOwn);
      // Another branch, with a hook added between two calls (Mermaid adds its hooks on the
      // first call of the script-removing branch).
      const loose = { securityLevel: 'loose' };
      const looseFirst = answered('<a href="#x" title="t">x</a>', loose);
      purify.addHook('afterSanitizeAttributes', (node) => node.removeAttribute('title'));
      const looseAgain = answered('<a href="#x" title="t">x</a>', loose);
      return { first, again, beforeForm, afterForm, ownFirst, ownAgain, looseFirst, looseAgain };
    }, SANITIZE_TEXT_MEMO);
    assert.equal(seen.first.fromMemo, false);
    assert.equal(seen.first.out, 'checkout-db<br><b>stateful</b>');
    assert.deepEqual(seen.again, { out: seen.first.out, fromMemo: true, now: seen.first.out });
    assert.equal(seen.afterForm.fromMemo, true);
    assert.equal(seen.afterForm.now, seen.beforeForm.out, 'the page form does not change DOMPurify');
    for (const [first, again] of [
      [seen.ownFirst, seen.ownAgain],
      [seen.looseFirst, seen.looseAgain],
    ] as const) {
      assert.notEqual(again.now, first.out, 'the second call gives something else now');
      assert.equal(again.out, again.now, 'and the memo gives that');
      assert.equal(again.fromMemo, false);
    }
  } finally {
    await browser.close();
  }
});

/** A path's `d` as Mermaid's curves write them: moves, lines, cubic and quadratic curves, arcs, closes. */
const pathData = fc
  .array(
    fc.oneof(
      fc.tuple(
        fc.constantFrom('L', 'l', 'M'),
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.double({ min: -500, max: 500, noNaN: true }),
      ),
      fc.tuple(
        fc.constant('C'),
        ...Array.from({ length: 6 }, () => fc.double({ min: -500, max: 500, noNaN: true })),
      ),
      fc.tuple(
        fc.constant('Q'),
        ...Array.from({ length: 4 }, () => fc.double({ min: -500, max: 500, noNaN: true })),
      ),
      fc.tuple(
        fc.constant('A'),
        fc.double({ min: 0, max: 80, noNaN: true }),
        fc.double({ min: 0, max: 80, noNaN: true }),
        fc.constant(0),
        fc.constantFrom(0, 1),
        fc.constantFrom(0, 1),
        fc.integer({ min: -300, max: 300 }),
        fc.integer({ min: -300, max: 300 }),
      ),
      fc.constant(['Z']),
    ),
    { maxLength: 12 },
  )
  .map((commands) => `M${commands.length % 7},3${commands.map((c) => c.join(' ')).join('')}`);

interface PathsPage {
  document: {
    getElementById(id: string): { append(node: unknown): void };
    createElementNS(
      ns: string,
      tag: string,
    ): {
      setAttribute(name: string, value: string): void;
      getTotalLength(): number;
    };
  };
}

/** In the page: each `d` as a new path in the document, its length off the document and (when asked) in it. */
function measureLengths([detached, ds, inDocument]: readonly [
  string,
  readonly string[],
  boolean,
]): number[][] {
  const { document } = globalThis as unknown as PathsPage;
  const length = new Function(`return ${detached}`)() as (p: unknown) => number;
  const svg = document.getElementById('s');
  return ds.map((d) => {
    const path = document.createElementNS('http://www.w3.org/2000/svg', 'path');
    if (d) path.setAttribute('d', d);
    // Like Mermaid's edges, a style; the document changes before each ask.
    path.setAttribute('style', 'stroke-width: 2px; fill: none');
    svg.append(path);
    const off = length(path);
    return [inDocument ? path.getTotalLength() : off, off];
  });
}

test('an edge length measured off the document is the same number, without a layout', async () => {
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><body><svg id="s"></svg></body>');
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const layouts = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')?.value ?? 0;
    const paths = [...fc.sample(pathData, { numRuns: 300, seed: 18 }), '', 'M0,0 L10', 'not a path'];
    const before = await layouts();
    const offOnly = await page.evaluate(measureLengths, [DETACHED_LENGTH, paths, false] as const);
    // (A frame the page renders meanwhile may lay out once or twice.)
    assert.ok((await layouts()) - before < 5, 'measured off the document: no layout each');
    const both = await page.evaluate(measureLengths, [DETACHED_LENGTH, paths, true] as const);
    assert.ok((await layouts()) - before >= paths.length, 'asked of the path in the document: a layout each');
    for (const [i, [on, off]] of both.entries()) {
      assert.ok(Object.is(on, off), `${paths[i]}: ${on} in the document, ${off} off it`);
      assert.ok(Object.is(off, offOnly[i]?.[1]));
    }
  } finally {
    await browser.close();
  }
});

test('a flowchart drawn with the patched Mermaid is the same SVG, with a forced layout fewer an edge', async () => {
  const browser = await launchChromium();
  try {
    // 24 edges (two with labels, one dotted), the bench's kind of diagram in small.
    const lines = ['flowchart LR'];
    for (let i = 0; i < 24; i++)
      lines.push(
        `  n${i}["node ${i}"] ${i % 7 === 3 ? '-.->' : '-->'}${i % 9 === 4 ? '|uses|' : ''} n${(i * 5 + 1) % 13}`,
      );
    const source = lines.join('\n');
    const draw = async (script: string) => {
      const page = await browser.newPage();
      await page.setContent('<!doctype html><body></body>');
      await page.addScriptTag({ content: script });
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Performance.enable');
      const layouts = async () =>
        (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'LayoutCount')?.value ?? 0;
      const run = (args: readonly [typeof MERMAID_CONFIG, string, string]) => {
        const { mermaid } = globalThis as unknown as {
          mermaid: {
            initialize(c: unknown): void;
            render(id: string, text: string): Promise<{ svg: string }>;
          };
        };
        mermaid.initialize(args[0]);
        return mermaid.render(args[1], args[2]).then((r) => r.svg);
      };
      await page.evaluate(run, [MERMAID_CONFIG, 'warm', 'flowchart LR\n  a --> b'] as const);
      const before = await layouts();
      const svg = await page.evaluate(run, [MERMAID_CONFIG, 'd1', source] as const);
      const forced = (await layouts()) - before;
      await page.close();
      return { svg, forced };
    };
    const mermaid = withMermaidSpeedups(bundle);
    const patched = await draw(mermaid);
    const original = await draw(bundle);
    assert.equal(patched.svg, original.svg);
    // Mermaid as it is lays the page out once an edge (36 for this one); patched, 24 fewer.
    assert.ok(original.forced >= 24, `Mermaid as it is: ${original.forced} layouts for 24 edges`);
    assert.ok(
      patched.forced <= original.forced - 24,
      `patched: ${patched.forced} layouts, Mermaid as it is ${original.forced}, for 24 edges`,
    );
  } finally {
    await browser.close();
  }
});
