import assert from 'node:assert/strict';
import { cp, mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const corpus = (relative: string) => path.resolve(import.meta.dirname, '../../../shared/corpus', relative);

let root = '';
before(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'tierbook-offline-'));
});
after(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Writes files (path → text) under a fresh directory and returns it. */
async function tree(name: string, files: Record<string, string>): Promise<string> {
  const dir = path.join(root, name);
  for (const [relative, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, relative)), { recursive: true });
    await writeFile(path.join(dir, relative), text);
  }
  return dir;
}

const namespace = (name: string) => `apiVersion: v1\nkind: Namespace\nmetadata: {name: ${name}}\n`;
const names = (result: { items: { object: { metadata: { name?: string } } }[] }) =>
  result.items.map((item) => item.object.metadata.name);

describe('directories', () => {
  test('reads .yaml, .yml and .json recursively; skips node_modules, dot-directories and other files', async () => {
    const dir = await tree('walk', {
      'a.yaml': namespace('a'),
      'deep/er/b.yml': namespace('b'),
      'c.JSON': JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'c' } }),
      'notes.txt': namespace('txt'),
      'node_modules/pkg/d.yaml': namespace('node-modules'),
      '.git/e.yaml': namespace('dot-dir'),
      '.hidden.yaml': namespace('dot-file'),
    });
    const result = await readOffline([dir]);
    assert.deepEqual(names(result), ['a', 'b', 'c', 'dot-file']);
    assert.deepEqual(result.skipped, []);
  });

  test('a file named on its own is read whatever its extension', async () => {
    const dir = await tree('explicit', { 'pods.txt': namespace('from-txt') });
    assert.deepEqual(names(await readOffline([path.join(dir, 'pods.txt')])), ['from-txt']);
  });

  test('symbolic links are followed inside the directory given, never outside it, and loops end', async () => {
    const outside = await tree('outside', { 'secret-place.yaml': namespace('outside') });
    const dir = await tree('links', { 'real/a.yaml': namespace('inside') });
    await symlink(path.join(dir, 'real'), path.join(dir, 'alias-dir'));
    await symlink(path.join(dir, 'real', 'a.yaml'), path.join(dir, 'alias.yaml'));
    await symlink(outside, path.join(dir, 'escape-dir'));
    await symlink(path.join(outside, 'secret-place.yaml'), path.join(dir, 'escape.yaml'));
    await symlink(dir, path.join(dir, 'real', 'loop'));
    const result = await readOffline([dir]);
    assert.deepEqual(names(result), ['inside']);
    assert.deepEqual(
      result.skipped.map((entry) => [path.basename(entry.where), entry.reason]),
      [
        ['escape-dir', 'symbolic link to a path outside the directory given, not followed'],
        ['escape.yaml', 'symbolic link to a path outside the directory given, not followed'],
      ],
    );
  });

  test('the same input read twice gives the same result, and a file given twice is read once', async () => {
    const dir = await tree('twice', { 'b.yaml': namespace('b'), 'a.yaml': namespace('a') });
    const first = await readOffline([dir, path.join(dir, 'a.yaml')]);
    const second = await readOffline([dir, path.join(dir, 'a.yaml')]);
    assert.deepEqual(first, second);
    assert.deepEqual(names(first), ['a', 'b']);
    assert.deepEqual(first.skipped, []);
  });
});

describe('must-gather layout', () => {
  const podList = (resourceVersion: string) =>
    `apiVersion: v1\nkind: PodList\nitems:\n- metadata: {name: web-0, namespace: shop, resourceVersion: "${resourceVersion}"}\n  spec: {nodeName: old}\n`;
  // A per-object file without kind or apiVersion: only the layout says it is a Pod.
  const kindlessPod = (resourceVersion: string) =>
    `metadata: {name: web-0, namespace: shop, resourceVersion: "${resourceVersion}"}\nspec: {nodeName: new}\n`;

  test('the real must-gather layout gives kindless files their kind, one level down', async () => {
    const dir = path.join(root, 'must-gather');
    const source = 'openshift__must-gather-clean/test/files/must-gather-aws.tar.xz.d/must-gather-aws';
    await cp(corpus(source), dir, { recursive: true });
    const [image] = (await readdir(dir)).filter((name) => name.startsWith('quay'));
    const imageDir = path.join(dir, image ?? '');
    await writeFile(path.join(dir, 'timestamp'), '2021-08-03 09:00:00\n');
    await tree(path.relative(root, imageDir), {
      'cluster-scoped-resources/core/persistentvolumes/pv-1.yaml':
        'metadata: {name: pv-1}\nspec: {storageClassName: gp2}\n',
      'namespaces/shop/core/pods.yaml': podList('100'),
      'namespaces/shop/pods/web-0/web-0.yaml': kindlessPod('120'),
      'namespaces/shop/shop.yaml': 'metadata: {name: shop}\n',
    });
    const result = await readOffline([dir]);
    const kinds = result.items.map(
      ({ object }) => `${object.apiVersion} ${object.kind} ${object.metadata.name}`,
    );
    assert.ok(kinds.includes('v1 PersistentVolume pv-1'));
    assert.ok(kinds.includes('v1 Namespace shop'));
    const pods = result.items.filter((item) => item.object.kind === 'Pod');
    assert.equal(pods.length, 1);
    assert.deepEqual(pods[0]?.object.spec, { nodeName: 'new' }, 'the later resourceVersion wins');
    assert.deepEqual(
      result.skipped.map((entry) => [path.relative(imageDir, entry.where), entry.reason]),
      [
        [
          'namespaces/shop/core/pods.yaml:4',
          `duplicate of Pod shop/web-0 at ${path.join(imageDir, 'namespaces/shop/pods/web-0/web-0.yaml')}:1, which is kept (newer resourceVersion 120 > 100)`,
        ],
      ],
    );
  });

  test('with equal resourceVersions the first copy by path is kept', async () => {
    const dir = await tree('must-gather-equal', {
      timestamp: 'now\n',
      'namespaces/shop/core/pods.yaml': podList('7'),
      'namespaces/shop/pods/web-0/web-0.yaml': kindlessPod('7'),
    });
    const result = await readOffline([dir]);
    assert.deepEqual(
      result.items.map((item) => item.object.spec),
      [{ nodeName: 'old' }],
    );
    assert.match(result.skipped[0]?.reason ?? '', /first by file path/);
  });

  test('the same paths outside a dump are not given hints: a kindless object is an error', async () => {
    const dir = await tree('not-a-dump', { 'namespaces/shop/pods/web-0/web-0.yaml': kindlessPod('1') });
    await assert.rejects(readOffline([dir]), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.field, 'kind');
      assert.equal(error.from.file, path.join(dir, 'namespaces/shop/pods/web-0/web-0.yaml'));
      return true;
    });
  });
});
