/** The pinned-output comparison every fixture runner uses: a missing expectation is a failure. */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { assertExpected } from './expected.ts';

function withUpdate<T>(value: string | undefined, run: () => T): T {
  const saved = process.env.UPDATE;
  if (value === undefined) delete process.env.UPDATE;
  else process.env.UPDATE = value;
  try {
    return run();
  } finally {
    if (saved === undefined) delete process.env.UPDATE;
    else process.env.UPDATE = saved;
  }
}

test('a missing expected.json fails, says how to create it, and is not written', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tierbook-expected-')), 'expected.json');
  withUpdate(undefined, () =>
    assert.throws(() => assertExpected(file, '{}\n'), /expected\.json is missing: .*UPDATE=1/),
  );
  assert.equal(existsSync(file), false);
});

test('only UPDATE=1 writes expected.json; a different one fails without it', () => {
  const file = join(mkdtempSync(join(tmpdir(), 'tierbook-expected-')), 'expected.json');
  withUpdate('1', () => assertExpected(file, '{"a": 1}\n'));
  assert.equal(readFileSync(file, 'utf8'), '{"a": 1}\n');
  withUpdate(undefined, () => assertExpected(file, '{"a": 1}\n'));
  withUpdate(undefined, () => assert.throws(() => assertExpected(file, '{"a": 2}\n')));
  assert.equal(readFileSync(file, 'utf8'), '{"a": 1}\n');
  writeFileSync(file, 'stale\n');
  withUpdate('1', () => assertExpected(file, '{"a": 2}\n'));
  assert.equal(readFileSync(file, 'utf8'), '{"a": 2}\n');
});
