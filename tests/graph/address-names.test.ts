/**
 * docs/blast.md ("What counts as a dependency") lists the name tables of
 * src/core/graph/address-names.ts word for word: a word added to one must be added to the other.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  ADDRESS_SUFFIXES,
  ADDRESS_WORDS,
  NOT_ADDRESS_WORDS,
  OWN_ADDRESS_WORDS,
  SIGN_IN_AUTH_LAST,
  SIGN_IN_WORDS,
} from '../../src/core/graph/address-names.ts';

const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'blast.md'), 'utf8').replace(
  /\s+/g,
  ' ',
);

/** The backticked words between two phrases of the doc. */
function wordsBetween(from: string, to: string): string[] {
  const start = doc.indexOf(from);
  const end = doc.indexOf(to, start + from.length);
  assert.ok(start >= 0 && end > start, `docs/blast.md has "${from}" … "${to}"`);
  return [...doc.slice(start + from.length, end).matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
}

const sorted = (words: readonly string[]) => [...words].sort();

test('docs list the address words', () => {
  assert.deepEqual(
    sorted(wordsBetween('last word is one of', ', or one run-together')),
    sorted(ADDRESS_WORDS),
  );
  assert.deepEqual(
    sorted(wordsBetween('run-together word ending in', 'after at least')),
    sorted(ADDRESS_SUFFIXES),
  );
});

test('docs list the sign-in words', () => {
  assert.deepEqual(
    sorted(wordsBetween('**Sign-in.** A name with a word', ', or `auth`')),
    sorted(SIGN_IN_WORDS),
  );
  assert.deepEqual(
    sorted(wordsBetween('followed by a last word', '(`OIDC_ISSUER`')),
    sorted(SIGN_IN_AUTH_LAST),
  );
});

test('docs list the image and own-address words', () => {
  assert.deepEqual(
    sorted(wordsBetween("the name is an image's (last word", ': `redis:7`')),
    sorted(NOT_ADDRESS_WORDS),
  );
  assert.deepEqual(sorted(wordsBetween('A name with a word', 'is the app')), sorted(OWN_ADDRESS_WORDS));
});
