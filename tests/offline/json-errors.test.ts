import assert from 'node:assert/strict';
import { test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';

/** Each broken JSON text, where the error is, and the reason given; no reason quotes the text. */
const cases: { name: string; text: string; at: string; reason: string }[] = [
  {
    name: 'missing comma',
    text: '{\n  "a": 1\n  "b": 2\n}',
    at: '3:3',
    reason: "expected ',' or '}' after a property value",
  },
  {
    name: 'missing comma in array',
    text: '[1\n 2]',
    at: '2:2',
    reason: "expected ',' or ']' after an array element",
  },
  {
    name: 'unquoted key',
    text: '{kind: "Pod"}',
    at: '1:2',
    reason: 'expected a property name in double quotes',
  },
  { name: 'missing colon', text: '{"kind" "Pod"}', at: '1:9', reason: "expected ':' after a property name" },
  {
    name: 'single quotes',
    text: "{'kind': 'Pod'}",
    at: '1:2',
    reason: 'expected a property name in double quotes',
  },
  {
    name: 'bad literal',
    text: '{"a": tru}',
    at: '1:7',
    reason: "unexpected character 't' where a value should start",
  },
  {
    name: 'bad escape',
    text: '{"a": "x\\q"}',
    at: '1:9',
    reason: 'an invalid escape sequence inside a string',
  },
  {
    name: 'raw newline in string',
    text: '{"a": "x\ny"}',
    at: '1:9',
    reason: 'a line break or control character inside a string',
  },
  {
    name: 'trailing text',
    text: '{"a": 1}\n{"b": 2}',
    at: '2:1',
    reason: 'unexpected text after the end of the JSON value',
  },
  {
    name: 'trailing comma',
    text: '{"a": 1,}',
    at: '1:9',
    reason: 'expected a property name in double quotes',
  },
  {
    name: 'truncated string',
    text: '{"a": "abc',
    at: '1:11',
    reason: 'the text ends before the JSON is complete (truncated?)',
  },
  {
    name: 'truncated after colon',
    text: '{"a":\n',
    at: '1:6',
    reason: 'the text ends before the JSON is complete (truncated?)',
  },
];

for (const { name, text, at, reason } of cases) {
  test(`invalid JSON, ${name}: line and column of the error, in plain words`, () => {
    const [line, column] = at.split(':').map(Number);
    assert.throws(
      () => parseDocuments(text, 'bad.json'),
      (error: unknown) => {
        assert.ok(error instanceof InputError);
        assert.deepEqual(error.from, { file: 'bad.json', line, column });
        assert.equal(error.message, `invalid JSON at column ${column}: ${reason}`);
        return true;
      },
    );
  });
}

test('a .yaml file that opens like JSON but is not falls back to YAML and reports a YAML error', () => {
  assert.throws(
    () => parseDocuments('{"a": [1, 2}\n', 'bad.yaml'),
    (error: unknown) => error instanceof InputError && /^YAML syntax error/.test(error.message),
  );
});
