/**
 * parseId and qualifiedName find slashes instead of splitting (for speed on the guard's path):
 * they must answer exactly as the split they replaced, for every string, ids or not.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { nodeId, parseId, qualifiedName } from '../../src/core/graph/ids.ts';

/** The definitions before, by splitting. */
function splitParse(id: string) {
  const [group = '', kind = '', namespace = '', ...rest] = id.split('/');
  return { group: group === 'core' ? '' : group, kind, namespace, name: rest.join('/') };
}
function splitQualified(id: string): string {
  const { namespace, name } = splitParse(id);
  return namespace ? `${namespace}/${name}` : name;
}

// Strings made mostly of slashes and a few letters, so every count and place of slashes shows.
const part = fc.stringMatching(/^[a-z/]{0,4}$/);
const anyId = fc.oneof(
  fc.array(part, { maxLength: 6 }).map((parts) => parts.join('/')),
  fc.string(),
  fc
    .tuple(
      fc.constantFrom('', 'core', 'apps', 'ceph.rook.io'),
      part,
      fc.option(part, { nil: undefined }),
      part,
    )
    .map(([group, kind, namespace, name]) => nodeId(group, kind, namespace, name)),
);

test('parseId and qualifiedName answer as splitting on slashes does, for any string', () => {
  fc.assert(
    fc.property(anyId, (id) => {
      assert.deepEqual(parseId(id), splitParse(id));
      assert.equal(qualifiedName(id), splitQualified(id));
    }),
    { numRuns: 5000 },
  );
});

test('edge cases by hand', () => {
  for (const id of [
    '',
    '/',
    '//',
    '///',
    'a',
    'a/b',
    'a/b/',
    'a/b/c',
    'a/b/c/',
    'a/b//d',
    'core/Pod/ns/a/b',
    'x/y//n/m/',
  ])
    assert.deepEqual([parseId(id), qualifiedName(id)], [splitParse(id), splitQualified(id)], id);
  assert.equal(qualifiedName('core/PersistentVolumeClaim/team-000/data-db-0-1'), 'team-000/data-db-0-1');
  assert.equal(qualifiedName('core/Node//node-01'), 'node-01');
});
