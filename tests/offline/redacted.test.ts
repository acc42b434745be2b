/**
 * Support bundles redacted by replicatedhq/troubleshoot: `***HIDDEN***` left unquoted (which YAML
 * reads as an alias), keys masked into duplicates, and files redaction made unparseable. Hand-made
 * fixtures in tests/fixtures/offline/redacted (see its README), plus a real bundle file from
 * ../shared/corpus redacted here the way troubleshoot's literal redactor does.
 */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { kindsNamedIn, parseDocuments } from '../../src/core/sources/offline/index.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const fixtures = path.join(import.meta.dirname, '../fixtures/offline');
const redacted = (relative: string) => path.join(fixtures, 'redacted', relative);
const corpusBundle = path.resolve(
  import.meta.dirname,
  '../../../shared/corpus/replicatedhq__troubleshoot/testdata/supportbundle/support-bundle.tar.gz.d/support-bundle',
);

async function inputError(read: () => Promise<unknown>): Promise<InputError> {
  try {
    await read();
  } catch (error) {
    assert.ok(error instanceof InputError, `expected an InputError, got ${String(error)}`);
    return error;
  }
  return assert.fail('expected an InputError, but reading succeeded');
}

describe('redacted values are read as the text they are', () => {
  test('an unquoted ***HIDDEN*** (an alias to YAML) is a string; masked duplicate keys keep the last value', async () => {
    const result = await readOffline([redacted('bundle')]);
    const cluster = result.items.find((i) => i.object.kind === 'Cluster')?.object;
    assert.ok(cluster, 'the redacted CloudNativePG Cluster is read');
    assert.equal(cluster.metadata.name, 'shop-db');
    assert.deepEqual(cluster.metadata.annotations, { 'backup.example.com/owner-***HIDDEN***': 'standby' });
    const spec = cluster.spec as { bootstrap: { initdb: { owner: unknown } }; externalClusters: unknown[] };
    assert.equal(spec.bootstrap.initdb.owner, '***HIDDEN***');
    assert.deepEqual(spec.externalClusters, [
      { name: 'origin', connectionParameters: { host: '***HIDDEN***.example.com', dbname: 'shop' } },
    ]);
  });

  test('a mask inside a longer alias-like token, in a flow sequence, or several on a line', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: app, namespace: shop}',
      'data:',
      '  dsn: ***HIDDEN***:***HIDDEN***@tcp(***HIDDEN***:3306)/***HIDDEN***',
      '  chart: ***HIDDEN***-10.19.300',
      'hosts: [***HIDDEN***, b.example.com]',
      '',
    ].join('\n');
    const [item] = parseDocuments(text, 'cm.yaml').items;
    assert.deepEqual(item?.object.data, {
      dsn: '***HIDDEN***:***HIDDEN***@tcp(***HIDDEN***:3306)/***HIDDEN***',
      chart: '***HIDDEN***-10.19.300',
    });
    assert.deepEqual(item?.object.hosts, ['***HIDDEN***', 'b.example.com']);
  });

  test('a real alias still resolves, and an alias to no anchor without the mask is still an error', () => {
    const ok = parseDocuments(
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: &n app}\ndata: {a: *n}\n',
      'a.yaml',
    );
    assert.deepEqual(ok.items[0]?.object.data, { a: 'app' });
    assert.throws(
      () =>
        parseDocuments(
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata: {a: *nothing}\n',
          'b.yaml',
        ),
      (error: unknown) =>
        error instanceof InputError &&
        error.from.line === 4 &&
        error.from.column === 11 &&
        /Unresolved alias/.test(error.message),
    );
  });

  test('a key repeated without a mask is still an error naming file:line:column', () => {
    assert.throws(
      () =>
        parseDocuments(
          'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: app}\ndata:\n  a: 1\n  a: 2\n',
          'c.yaml',
        ),
      (error: unknown) =>
        error instanceof InputError && error.describe().startsWith('c.yaml:6:3: YAML syntax error'),
    );
  });

  test('a real bundle file, redacted with a literal redactor, is read (the IngressRoute of the corpus bundle)', async () => {
    // troubleshoot's literal redactor replaces every occurrence of the value, keys and apiVersion included.
    const relative = 'cluster-resources/custom-resources/ingressroutes.traefik.containo.us/kube-system.yaml';
    const original = await readFile(path.join(corpusBundle, relative), 'utf8');
    const dir = await mkdtemp(path.join(tmpdir(), 'tierbook-redacted-'));
    const file = path.join(dir, relative);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(path.join(dir, 'version.yaml'), await readFile(path.join(corpusBundle, 'version.yaml')));
    await writeFile(file, original.replaceAll('traefik', '***HIDDEN***'));
    const result = await readOffline([dir]);
    const route = result.items.find((i) => i.object.kind === 'IngressRoute')?.object;
    assert.ok(route);
    assert.equal(route.metadata.name, '***HIDDEN***-dashboard');
    assert.equal(route.metadata.labels?.['app.kubernetes.io/instance'], '***HIDDEN***');
    assert.equal(route.metadata.labels?.['helm.sh/chart'], '***HIDDEN***-10.19.300');
    assert.deepEqual((route.spec as { entryPoints: unknown }).entryPoints, ['***HIDDEN***']);
    assert.deepEqual(result.notRead, []);
  });
});

describe('files that cannot be parsed', () => {
  test('one holding only kinds tierbook does not use is listed as not read and the run goes on', async () => {
    const result = await readOffline([redacted('bundle')]);
    const file = redacted('bundle/cluster-resources/custom-resources/certificates.cert-manager.io/shop.yaml');
    assert.deepEqual(result.notRead, [
      {
        where: `${file}:5:21`,
        reason: 'YAML syntax error at column 21: Unexpected double-quoted-scalar at node end',
        kinds: ['Certificate', 'ClusterIssuer'],
        needed: false,
      },
    ]);
    assert.ok(
      result.items.some((i) => i.object.kind === 'Cluster'),
      'the other files are read',
    );
  });

  test('one with a kind tierbook uses fails with file:line:column', async () => {
    const file = redacted(
      'needed/cluster-resources/custom-resources/clusters.postgresql.cnpg.io/billing.yaml',
    );
    const error = await inputError(() => readOffline([redacted('needed')]));
    assert.deepEqual(error.from, { file, line: 5, column: 21 });
    assert.ok(error.describe().startsWith(`${file}:5:21: YAML syntax error`), error.describe());
  });

  test('with partial, that file is skipped and listed as needed', async () => {
    const result = await readOffline([redacted('needed')], { partial: true });
    assert.equal(result.notRead?.length, 1);
    assert.deepEqual(result.notRead?.[0]?.kinds, ['Cluster']);
    assert.equal(result.notRead?.[0]?.needed, true);
    assert.equal(result.items.filter((i) => i.object.kind === 'Cluster').length, 0);
  });

  test('one naming no kind at all may hold anything: it is needed', async () => {
    const file = path.join(fixtures, 'unparseable-no-kind.yaml');
    const error = await inputError(() => readOffline([file]));
    assert.deepEqual(error.from, { file, line: 3, column: 3 });
    const partial = await readOffline([file], { partial: true });
    assert.deepEqual(partial.notRead?.[0]?.kinds, []);
    assert.equal(partial.notRead?.[0]?.needed, true);
  });

  test('a binary file cannot even be decoded: needed unless partial', async () => {
    const file = path.join(fixtures, 'binary.yaml');
    await inputError(() => readOffline([file]));
    const partial = await readOffline([file], { partial: true });
    assert.deepEqual(partial.notRead, [
      {
        where: file,
        reason: 'binary file, not YAML or JSON (it contains NUL bytes)',
        kinds: [],
        needed: true,
      },
    ]);
  });
});

describe('the kinds a file names (kind: lines)', () => {
  test('YAML, JSON, flow style and List wrappers; nested kinds count', () => {
    const text = [
      'kind: PodList',
      'items:',
      '- kind: Pod',
      '  metadata: {ownerReferences: [{kind: ReplicaSet, name: x}]}',
      '{"kind": "Event", "involvedObject": {"kind":"Node"}}',
      'kind: List',
      "  kind: 'Secret' # a comment",
    ].join('\n');
    assert.deepEqual(kindsNamedIn(text), ['Event', 'Node', 'Pod', 'ReplicaSet', 'Secret']);
  });

  test('a word that only contains "kind" is not a kind line', () => {
    assert.deepEqual(kindsNamedIn('mykind: Pod\nkinds: [Pod]\nkindness: Node\n'), []);
  });
});
