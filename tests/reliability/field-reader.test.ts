/**
 * The typed reader every extractor goes through (src/core/fields.ts): absent and null read as
 * absent; a wrong type anywhere on the path is an error at the step that is wrong, naming both
 * types and never the value. Objects are hand-written in the shapes of the Kubernetes API.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FieldReader, FieldTypeError } from '../../src/core/fields.ts';
import type { KubeObject } from '../../src/core/model.ts';

const SECRET = 'postgres://app:hunter2@db';

function reader(fields: Record<string, unknown>): FieldReader {
  const object: KubeObject = {
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop' },
    ...fields,
  };
  return new FieldReader({ object, from: { file: 'cluster.yaml', line: 12 } });
}

function typeError(read: () => unknown): FieldTypeError {
  try {
    read();
  } catch (error) {
    assert.ok(error instanceof FieldTypeError, String(error));
    assert.doesNotMatch(error.describe(), /hunter2/);
    return error;
  }
  return assert.fail('expected a FieldTypeError');
}

test('absent and null steps read as absent', () => {
  assert.equal(reader({}).string('spec.storageClassName'), undefined);
  assert.equal(reader({ spec: null }).string('spec.storageClassName'), undefined);
  assert.deepEqual(reader({ spec: { volumes: null } }).indexes('spec.volumes'), []);
  assert.deepEqual(reader({ spec: {} }).strings('spec.accessModes'), []);
});

test('a scalar where a mapping is on the way: the error is at that step, with both types', () => {
  const error = typeError(() => reader({ spec: SECRET }).string('spec.storageClassName'));
  assert.equal(error.field, 'spec');
  assert.equal(
    error.describe(),
    'cluster.yaml:12: PersistentVolumeClaim shop/data: field spec: expected a mapping, found a string (reading spec.storageClassName)',
  );
  assert.equal(error.item.object.metadata.name, 'data');
});

test('an index into something that is not a list, and a list where a mapping is', () => {
  const notList = typeError(() => reader({ spec: { volumes: { a: 1 } } }).string('spec.volumes[0].name'));
  assert.equal(notList.field, 'spec.volumes');
  assert.match(notList.message, /^expected a list, found a mapping/);
  const element = typeError(() => reader({ spec: { volumes: [SECRET] } }).string('spec.volumes[0].name'));
  assert.equal(element.field, 'spec.volumes[0]');
  assert.match(element.message, /^expected a mapping, found a string/);
  const list = typeError(() => reader({ spec: [1] }).record('spec'));
  assert.match(list.message, /^expected a mapping, found a list$/);
});

test('lists of strings are read element by element; numbers read as text, as string() does', () => {
  assert.deepEqual(reader({ spec: { accessModes: ['ReadWriteOnce', 3] } }).strings('spec.accessModes'), [
    'ReadWriteOnce',
    '3',
  ]);
  const error = typeError(() => reader({ spec: { accessModes: [{ a: 1 }] } }).strings('spec.accessModes'));
  assert.equal(error.field, 'spec.accessModes[0]');
  const scalar = typeError(() => reader({ spec: { accessModes: SECRET } }).strings('spec.accessModes'));
  assert.equal(scalar.message, 'expected a list, found a string');
});

test('mappings of mappings are read by key (keys may hold dots); a scalar entry is an error', () => {
  const disks = { 'disk.a': { path: '/a' }, gone: null };
  assert.deepEqual(reader({ spec: { disks } }).recordEntries('spec.disks'), [['disk.a', { path: '/a' }]]);
  const error = typeError(() => reader({ spec: { disks: { b: SECRET } } }).recordEntries('spec.disks'));
  assert.equal(error.field, 'spec.disks.b');
  assert.equal(error.message, 'expected a mapping, found a string');
});
