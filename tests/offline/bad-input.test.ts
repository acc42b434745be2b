import assert from 'node:assert/strict';
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { decodeText, parseDocuments } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const fixture = (name: string) => path.join(import.meta.dirname, '../fixtures/offline', name);

/** Runs `read`, expects an InputError, and returns it for the caller's assertions. */
async function inputError(read: () => unknown): Promise<InputError> {
  try {
    await read();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected an InputError, but reading succeeded');
}

describe('bad files (hand-made fixtures in tests/fixtures/offline)', () => {
  const cases: {
    file: string;
    line: number;
    column?: number;
    says: RegExp;
    object?: string;
    field?: string;
  }[] = [
    { file: 'truncated.json', line: 13, column: 33, says: /invalid JSON at column 33: .*truncated/ },
    {
      file: 'not-json.json',
      line: 6,
      column: 22,
      says: /invalid JSON at column 22: unexpected character 'h'/,
    },
    { file: 'syntax-error.yaml', line: 9, column: 9, says: /YAML syntax error at column 9: Nested mappings/ },
    {
      file: 'no-kind.yaml',
      line: 5,
      says: /no kind/,
      object: 'object shop/data-web-0',
      field: 'kind',
    },
    {
      file: 'wrong-type-labels.yaml',
      line: 6,
      says: /expected a mapping of strings to strings, got a list/,
      object: 'PersistentVolumeClaim shop/data-web-0',
      field: 'metadata.labels',
    },
  ];
  for (const { file, line, column, says, object, field } of cases) {
    test(`${file}: the message names the file and line${field ? ', object and field' : ''}`, async () => {
      const error = await inputError(() => readOffline([fixture(file)]));
      assert.deepEqual(
        error.from,
        column ? { file: fixture(file), line, column } : { file: fixture(file), line },
      );
      assert.match(error.message, says);
      assert.equal(error.object, object);
      assert.equal(error.field, field);
      const place = column ? `${fixture(file)}:${line}:${column}: ` : `${fixture(file)}:${line}: `;
      assert.ok(error.describe().startsWith(place), error.describe());
    });
  }

  for (const [file, why] of [
    ['binary.yaml', 'it contains NUL bytes'],
    ['invalid-utf8.json', 'it is not valid UTF-8 text'],
  ] as const) {
    test(`${file} is a binary file, named in the message`, async () => {
      const error = await inputError(() => readOffline([fixture(file)]));
      assert.equal(error.describe(), `${fixture(file)}: binary file, not YAML or JSON (${why})`);
    });
  }

  test('a Secret with a syntax error is not read, listed without repeating the Secret’s text', async () => {
    // Only a Secret (a kind tierbook never reads): listed under "not read", the run goes on.
    const result = await readOffline([fixture('secret-syntax-error.yaml')]);
    assert.equal(result.items.length, 0);
    const [entry, ...rest] = result.notRead ?? [];
    assert.equal(rest.length, 0);
    assert.deepEqual(entry?.kinds, ['Secret']);
    assert.equal(entry?.needed, false);
    assert.match(entry?.where ?? '', /secret-syntax-error\.yaml:\d+:\d+$/);
    assert.match(entry?.reason ?? '', /YAML syntax error/);
    assert.doesNotMatch(JSON.stringify(entry), /c0rrect|h0rse/);
  });

  test('invalid JSON is reported without quoting the text around the error', async () => {
    const error = await inputError(() => readOffline([fixture('not-json.json')]));
    assert.doesNotMatch(error.describe(), /hunter2/);
  });
});

describe('fields of the wrong type', () => {
  const object = (metadata: string, top = 'apiVersion: v1\nkind: Pod\n') => `${top}metadata: ${metadata}\n`;
  const cases: { name: string; text: string; field: string; says: string; label?: string }[] = [
    {
      name: 'kind',
      text: 'apiVersion: v1\nkind: 7\nmetadata: {name: a}\n',
      field: 'kind',
      says: 'expected a string, got a number (7)',
      label: 'object a',
    },
    {
      name: 'apiVersion',
      text: 'apiVersion: [v1]\nkind: Pod\nmetadata: {name: a}\n',
      field: 'apiVersion',
      says: 'expected a string, got a list',
    },
    {
      name: 'metadata',
      text: object('just-a-name'),
      field: 'metadata',
      says: 'expected a mapping, got a string',
      label: 'Pod',
    },
    {
      name: 'metadata.name',
      text: object('{name: 42}'),
      field: 'metadata.name',
      says: 'expected a string, got a number (42)',
      label: 'Pod',
    },
    {
      name: 'metadata.namespace',
      text: object('{name: a, namespace: {x: 1}}'),
      field: 'metadata.namespace',
      says: 'expected a string, got a mapping',
    },
    {
      name: 'a label value',
      text: object('{name: a, labels: {tier: 0}}'),
      field: 'metadata.labels.tier',
      says: 'expected a string, got a number (0) (quote the value in YAML)',
    },
    {
      name: 'metadata.annotations',
      text: object('{name: a, annotations: "x=y"}'),
      field: 'metadata.annotations',
      says: 'expected a mapping of strings to strings, got a string',
    },
    {
      name: 'metadata.ownerReferences',
      text: object('{name: a, ownerReferences: {kind: ReplicaSet}}'),
      field: 'metadata.ownerReferences',
      says: 'expected a list, got a mapping',
    },
    {
      name: 'an owner reference without a name',
      text: object('{name: a, ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet}]}'),
      field: 'metadata.ownerReferences[0].name',
      says: 'missing: expected a string',
    },
    {
      name: 'an owner reference’s controller flag',
      text: object('{name: a, ownerReferences: [{apiVersion: v1, kind: Node, name: n, controller: "yes"}]}'),
      field: 'metadata.ownerReferences[0].controller',
      says: 'expected a boolean, got a string',
    },
    {
      name: 'a List item that is not a mapping',
      text: 'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Pod\n  metadata: {name: a}\n- just text\n',
      field: '',
      says: 'expected an object, got a string',
      label: 'items[1]',
    },
  ];
  for (const { name, text, field, says, label } of cases) {
    test(`${name}: the error names file, line, object and field, with actual and expected`, async () => {
      const error = await inputError(() => parseDocuments(`# wrong ${name}\n${text}`, 'bad.yaml'));
      assert.equal(error.from.file, 'bad.yaml');
      assert.equal(error.from.line, name.startsWith('a List item') ? 8 : 2);
      assert.equal(error.field, field || undefined);
      assert.equal(error.object, label ?? 'Pod a');
      assert.equal(error.message, says);
    });
  }
});

describe('paths that cannot be read', () => {
  test('a missing path names the path and the operating system’s reason', async () => {
    const missing = path.join(tmpdir(), 'tierbook-no-such-dir', 'pods.yaml');
    const error = await inputError(() => readOffline([missing]));
    assert.equal(error.describe(), `${missing}: cannot read: no such file or directory (ENOENT)`);
  });

  test('a path that goes through a file as if it were a directory names the path and reason', async () => {
    const through = path.join(fixture('no-kind.yaml'), 'pods.yaml');
    const error = await inputError(() => readOffline([through]));
    assert.equal(
      error.describe(),
      `${through}: cannot read: a part of the path is a file, not a directory (ENOTDIR)`,
    );
  });

  const isRoot = process.getuid?.() === 0;
  test('an unreadable file (chmod 000) names the path and the reason', {
    skip: isRoot ? 'running as root, where chmod 000 does not stop reads' : false,
  }, async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'tierbook-offline-'));
    const file = path.join(dir, 'locked.yaml');
    try {
      await writeFile(file, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n');
      await chmod(file, 0o000);
      const error = await inputError(() => readOffline([dir]));
      assert.equal(error.describe(), `${file}: cannot read: permission denied (EACCES)`);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('text decoding', () => {
  test('UTF-16LE with a byte-order mark (Windows PowerShell redirection) is text, not binary', () => {
    const bytes = Buffer.from('\uFEFFapiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n', 'utf16le');
    const text = decodeText(bytes, 'ps.yaml');
    assert.deepEqual(
      parseDocuments(text, 'ps.yaml').items.map((item) => item.object.metadata.name),
      ['a'],
    );
  });

  test('a text holding a NUL character is binary whatever its source', async () => {
    const error = await inputError(() => parseDocuments('kind: Pod\0', 'odd.yaml'));
    assert.equal(error.describe(), 'odd.yaml: binary file, not YAML or JSON (it contains NUL bytes)');
  });
});
