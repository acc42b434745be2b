import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { test } from 'node:test';
import { ASSIGN_WITH_DEPTH, withFasterConfigCopy } from '../../src/io/mermaid-speedup.ts';

const bundle = readFileSync(createRequire(import.meta.url).resolve('mermaid/dist/mermaid.min.js'), 'utf8');

test('the faster copy applies to the installed Mermaid (else it changed: redo or drop mermaid-speedup.ts)', () => {
  const patched = withFasterConfigCopy(bundle);
  assert.notEqual(patched, bundle);
  assert.equal(
    patched.length - bundle.length,
    ASSIGN_WITH_DEPTH.faster.length - ASSIGN_WITH_DEPTH.original.length,
  );
  assert.ok(patched.includes(ASSIGN_WITH_DEPTH.faster));
  assert.equal(withFasterConfigCopy('not mermaid'), 'not mermaid');
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
