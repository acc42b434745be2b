import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { InputError } from '../../src/core/errors.ts';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';

const summary = (text: string, file = 'in.yaml', hint?: { kind: string; apiVersion?: string }) => {
  const parsed = parseDocuments(text, file, hint ? { hint } : {});
  return {
    items: parsed.items.map(({ object, from }) => ({
      ref: `${object.apiVersion} ${object.kind} ${object.metadata.namespace ?? ''}/${object.metadata.name}`,
      line: from.line,
    })),
    skipped: parsed.skipped,
  };
};

describe('documents and lists', () => {
  test('multi-document YAML keeps each object and the line it starts on; empty documents are ignored', () => {
    const text = [
      '# leading comment',
      '---',
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: shop}',
      '---',
      '# only a comment',
      '---',
      '',
      'kind: PersistentVolumeClaim',
      'apiVersion: v1',
      'metadata:',
      '  name: data',
      '  namespace: shop',
      '---',
    ].join('\n');
    assert.deepEqual(summary(text), {
      items: [
        { ref: 'v1 Namespace /shop', line: 3 },
        { ref: 'v1 PersistentVolumeClaim shop/data', line: 10 },
      ],
      skipped: [],
    });
  });

  test('items of a PodList without kind or apiVersion take them from the list', () => {
    const text = JSON.stringify(
      { apiVersion: 'v1', kind: 'PodList', items: [{ metadata: { name: 'a', namespace: 'x' } }] },
      null,
      2,
    );
    assert.deepEqual(summary(text, 'pods.json').items, [{ ref: 'v1 Pod x/a', line: 5 }]);
  });

  test('a generic List keeps each item’s own kind', () => {
    const text = [
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- apiVersion: apps/v1',
      '  kind: StatefulSet',
      '  metadata: {name: db, namespace: data}',
      '- {apiVersion: v1, kind: Service, metadata: {name: db, namespace: data}}',
    ].join('\n');
    assert.deepEqual(summary(text).items, [
      { ref: 'apps/v1 StatefulSet data/db', line: 4 },
      { ref: 'v1 Service data/db', line: 7 },
    ]);
  });

  test('a kindless {metadata, items} list takes the kind from the layout hint', () => {
    const text = JSON.stringify({
      metadata: { resourceVersion: '9' },
      items: [{ metadata: { name: 'x.io' } }],
    });
    const hint = { kind: 'CustomResourceDefinition', apiVersion: 'apiextensions.k8s.io/v1' };
    assert.deepEqual(summary(text, 'crds.json', hint).items, [
      { ref: 'apiextensions.k8s.io/v1 CustomResourceDefinition /x.io', line: 1 },
    ]);
  });

  test('an object’s own kind wins over the hint', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c, namespace: n}\n';
    assert.deepEqual(summary(text, 'x.yaml', { kind: 'Pod', apiVersion: 'v1' }).items, [
      { ref: 'v1 ConfigMap n/c', line: 1 },
    ]);
  });

  test('a List with no items holds no objects and is not reported as skipped', () => {
    const text = '{"kind": "CronJobList", "apiVersion": "batch/v1", "metadata": {}, "items": []}';
    assert.deepEqual(summary(text, 'cronjobs.json'), { items: [], skipped: [] });
  });

  test('a top-level array of objects (support-bundle custom resources) gives each its line', () => {
    const text = [
      '- apiVersion: k3s.cattle.io/v1',
      '  kind: Addon',
      '  metadata: {name: ccm, namespace: kube-system}',
      '- apiVersion: k3s.cattle.io/v1',
      '  kind: Addon',
      '  metadata: {name: coredns, namespace: kube-system}',
    ].join('\n');
    assert.deepEqual(summary(text).items, [
      { ref: 'k3s.cattle.io/v1 Addon kube-system/ccm', line: 1 },
      { ref: 'k3s.cattle.io/v1 Addon kube-system/coredns', line: 4 },
    ]);
  });

  test('JSON entry lines are found past strings holding quotes, brackets and the word items', () => {
    const text = [
      '{',
      '  "metadata": {"note": "a \\"quoted\\" [bracket] {brace} \\\\"},',
      '  "kind": "List", "apiVersion": "v1",',
      '  "items": [',
      '    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "a", "namespace": "n"},',
      '     "data": {"items": "[1, 2]"}},',
      '',
      '    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": {"name": "b", "namespace": "n"}}',
      '  ]',
      '}',
    ].join('\n');
    assert.deepEqual(
      summary(text, 'list.json').items.map((item) => item.line),
      [5, 8],
    );
  });

  test('CRLF line endings and a UTF-8 byte-order mark do not shift lines', () => {
    const text =
      '\uFEFFapiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: a}\r\n---\r\napiVersion: v1\r\nkind: Namespace\r\nmetadata: {name: b}\r\n';
    assert.deepEqual(
      summary(text).items.map((item) => item.line),
      [1, 5],
    );
  });
});

describe('YAML as real repositories write it', () => {
  test('anchors, aliases and <<: merge keys (also a list of merges) resolve', () => {
    const text = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata:',
      '  name: probes',
      '  labels: &labels {app: web}',
      '  annotations:',
      '    <<: *labels',
      'data:',
      '  base: &base {a: "1", b: "2"}',
      '  more: &more {c: "3"}',
      '  merged:',
      '    <<: [*base, *more]',
      '    b: "overridden"',
    ].join('\n');
    const [item] = parseDocuments(text, 'x.yaml').items;
    assert.deepEqual(item?.object.metadata.annotations, { app: 'web' });
    assert.deepEqual(item?.object.data, {
      base: { a: '1', b: '2' },
      more: { c: '3' },
      merged: { a: '1', b: 'overridden', c: '3' },
    });
  });

  test('flow style that only looks like JSON is read as YAML', () => {
    const text = '{apiVersion: v1, kind: Namespace, metadata: {name: flow}} # a comment JSON would reject\n';
    assert.deepEqual(summary(text).items, [{ ref: 'v1 Namespace /flow', line: 1 }]);
  });

  test('a __proto__ key is kept as data and does not change any prototype', () => {
    const text =
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: p}\ndata:\n  __proto__: {polluted: "yes"}\n';
    const [item] = parseDocuments(text, 'x.yaml').items;
    assert.equal(Object.getPrototypeOf(item?.object.data), Object.prototype);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('what is skipped', () => {
  test('a file with no object at all is one skipped entry', () => {
    const text = 'replicaCount: 3\nimage: {repository: nginx}\n---\n- a\n- b\n';
    assert.deepEqual(parseDocuments(text, 'values.yaml'), {
      items: [],
      skipped: [
        {
          where: 'values.yaml',
          reason: 'no Kubernetes objects (3 entries; the first: a mapping with keys replicaCount, image)',
        },
      ],
    });
  });

  test('an empty file is one skipped entry', () => {
    assert.deepEqual(parseDocuments('\n  \n', 'empty.yaml'), {
      items: [],
      skipped: [{ where: 'empty.yaml', reason: 'empty file' }],
    });
  });

  test('a non-object document next to objects is skipped with its line', () => {
    const text = 'apiVersion: v1\nkind: Namespace\nmetadata: {name: a}\n---\njust: settings\n';
    assert.deepEqual(parseDocuments(text, 'mixed.yaml').skipped, [
      { where: 'mixed.yaml:5', reason: 'not a Kubernetes object: a mapping with keys just' },
    ]);
  });

  test('kindless fragments in a top-level array are not objects (kubectl never writes such arrays)', () => {
    const text = '- metadata: {name: data}\n  spec: {storageClassName: manual}\n';
    assert.deepEqual(summary(text, 'fragment.yaml'), {
      items: [],
      skipped: [
        {
          where: 'fragment.yaml',
          reason: 'no Kubernetes objects (one entry; the first: a mapping with keys metadata, spec)',
        },
      ],
    });
  });

  test('an object without metadata.name is skipped with a reason', () => {
    const text = [
      'apiVersion: v1',
      'kind: Namespace',
      'metadata: {name: a}',
      '---',
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata: {generateName: migrate-}',
    ].join('\n');
    assert.deepEqual(parseDocuments(text, 'jobs.yaml').skipped, [
      { where: 'jobs.yaml:5', reason: 'Job: no metadata.name (only generateName, set by the server)' },
    ]);
  });

  test('empty labels and label values read as the API server stores them', () => {
    const text = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  labels:\n  annotations:\n    note:\n';
    const [item] = parseDocuments(text, 'p.yaml').items;
    assert.equal(item?.object.metadata.labels, undefined);
    assert.deepEqual(item?.object.metadata.annotations, { note: '' });
  });
});

describe('Secrets are never read', () => {
  const secretValue = 'c3VwZXItc2VjcmV0LXZhbHVl';

  test('a Secret is dropped, named in a skipped entry, and none of its values survive', () => {
    const text = [
      'apiVersion: v1',
      'kind: Secret',
      'metadata: {name: db, namespace: shop, labels: {token: "label-value-x"}}',
      `data: {password: ${secretValue}}`,
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: c, namespace: shop}',
    ].join('\n');
    const parsed = parseDocuments(text, 's.yaml');
    assert.deepEqual(
      parsed.items.map((item) => item.object.kind),
      ['ConfigMap'],
    );
    assert.deepEqual(parsed.skipped, [
      { where: 's.yaml:1', reason: 'Secret shop/db: Secrets are never read' },
    ]);
    assert.doesNotMatch(JSON.stringify(parsed), new RegExp(`${secretValue}|label-value-x`));
  });

  test('the items of a SecretList are dropped too', () => {
    const text = JSON.stringify({
      apiVersion: 'v1',
      kind: 'SecretList',
      items: [{ metadata: { name: 'a', namespace: 'n' }, data: { k: secretValue } }],
    });
    const parsed = parseDocuments(text, 'secrets.json');
    assert.deepEqual(parsed.items, []);
    assert.deepEqual(parsed.skipped, [
      { where: 'secrets.json:1', reason: 'Secret n/a: Secrets are never read' },
    ]);
  });

  test('a Secret with malformed fields is dropped before its fields are checked', () => {
    const text = `apiVersion: v1\nkind: Secret\nmetadata: {name: s, labels: [${secretValue}]}\n`;
    const parsed = parseDocuments(text, 's.yaml');
    assert.deepEqual(parsed.skipped, [{ where: 's.yaml:1', reason: 'Secret s: Secrets are never read' }]);
  });
});

describe('what is and is not a List', () => {
  test('a bare {items: [...]} without a ListMeta is not a List, so its entries are not checked', () => {
    const text = 'items:\n  - first\n  - second\n';
    assert.deepEqual(parseDocuments(text, 'settings.yaml'), {
      items: [],
      skipped: [
        {
          where: 'settings.yaml',
          reason: 'no Kubernetes objects (one entry; the first: a mapping with keys items)',
        },
      ],
    });
  });

  test('a kindless list whose items have no kind and no hint is an error naming the item', () => {
    const text = '{"metadata": {"resourceVersion": "1"}, "items": [{"metadata": {"name": "x"}}]}';
    assert.throws(
      () => parseDocuments(text, 'list.json'),
      (error: unknown) =>
        error instanceof InputError && error.field === 'kind' && error.object === 'object x',
    );
  });
});
