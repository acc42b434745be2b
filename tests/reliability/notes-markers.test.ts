/**
 * Data loss 6 of issue 11: cluster text carrying the notes markers (a label, an image, a class
 * name) must neither forge nor damage the operators' notes region, in this run or any later one.
 */
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import type { SourceItem } from '../../src/core/model.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { extractNotes, NOTES_END, NOTES_START } from '../../src/core/render/notes.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { inventoryFrom } from '../support/pipeline.ts';
import { NOW, scratch, tierbook } from './support.ts';

// Hand-written: a Deployment and its claim whose label, annotation, container, image and
// storage class carry both markers (one on a line of its own, as a multi-line annotation would).
const FORGED = `apiVersion: v1
kind: Namespace
metadata: {name: apps}
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: apps
  labels:
    app: "${NOTES_END}"
    tier: "${NOTES_START}"
  annotations:
    note: "x\\n${NOTES_START}\\nforged\\n${NOTES_END}\\n"
spec:
  replicas: 1
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: "${NOTES_START}"
          image: "nginx${NOTES_END}"
          volumeMounts: [{name: d, mountPath: /d}]
      volumes: [{name: d, persistentVolumeClaim: {claimName: data}}]
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: apps, labels: {x: "${NOTES_START}"}}
spec: {storageClassName: "${NOTES_START}\\n${NOTES_END}", accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}
`;

test('marker strings in cluster values: every later run, --check and the notes still work', async () => {
  const dir = await scratch();
  const forged = join(dir, 'forged.yaml');
  await writeFile(forged, FORGED);
  const out = join(dir, 'content');
  const args = ['inventory', '--from', forged, '--now', NOW, '--cluster', 'c', '--out', out];
  const first = await tierbook(args);
  assert.equal(first.code, 0, first.stderr);

  const page = join(out, 'workloads', 'apps.deployment.web.md');
  const text = await readFile(page, 'utf8');
  assert.ok(text.includes(NOTES_END), 'the label is kept, verbatim, in the front matter');
  assert.equal(extractNotes(text, page)?.includes('forged'), false);
  const start = text.lastIndexOf(`\n${NOTES_START}`);
  await writeFile(page, `${text.slice(0, start)}\n${NOTES_START}\nOn call: Alice\n${NOTES_END}\n`);

  const second = await tierbook(args);
  assert.equal(second.code, 0, second.stderr);
  assert.equal((await tierbook([...args, '--check'])).code, 0);
  assert.match(await readFile(page, 'utf8'), /On call: Alice/);
  // Every page's region is exactly one, the generated one or the operator's.
  for (const [path, body] of await readContentDir(out)) {
    const notes = extractNotes(body, path);
    if (notes !== undefined) assert.doesNotMatch(notes, /forged/, path);
  }

  // The object deleted: its page (and the operator's note) goes to orphaned-notes/, no error.
  const empty = join(dir, 'ns.yaml');
  await writeFile(empty, 'apiVersion: v1\nkind: Namespace\nmetadata: {name: apps}\n');
  const gone = await tierbook([
    'inventory',
    '--from',
    empty,
    '--cluster',
    'c',
    '--out',
    out,
    '--allow-shrink',
  ]);
  assert.equal(gone.code, 0, gone.stderr);
  assert.match(
    await readFile(join(out, 'orphaned-notes', 'workloads', 'apps.deployment.web.md'), 'utf8'),
    /On call: Alice/,
  );
});

test('a page an earlier tierbook wrote with a marker in its front matter reads again', () => {
  const page = `---\ntype: workload\nlabels:\n  app: '${NOTES_END}'\n  b: '${NOTES_START}'\n---\n# web\n\n## Notes\n\n${NOTES_START}\nkeep me\n${NOTES_END}\n`;
  assert.equal(extractNotes(page, 'w.md'), '\nkeep me\n');
});

test('damaged markers are still an error, not a silent loss', () => {
  const body = (notes: string) => `---\ntype: workload\n---\n# web\n\n${notes}`;
  assert.throws(() => extractNotes(body(`${NOTES_START}\nno end\n`), 'w.md'), /damaged/);
  assert.throws(() => extractNotes(body(`x\n${NOTES_END}\n`), 'w.md'), /damaged/);
  assert.throws(
    () => extractNotes(body(`${NOTES_START}\na\n${NOTES_START}\nb\n${NOTES_END}\n`), 'w.md'),
    /damaged/,
  );
  assert.equal(extractNotes(body('no notes at all\n'), 'w.md'), undefined);
});

// Fragments that come close to the markers, so the generator tries forgeries, not noise.
const PIECES = [NOTES_START, NOTES_END, '\n', '<!--', '-->', 'tierbook:notes:', '---', '`', '\\', ' ', 'x'];
const hostile = fc
  .array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 8 })
  .map((parts) => parts.join(''));

test('property: no cluster text moves, forges or damages the notes region', async () => {
  await fc.assert(
    fc.asyncProperty(hostile, hostile, hostile, hostile, async (label, image, claim, annotation) => {
      const items: SourceItem[] = [
        {
          object: {
            apiVersion: 'apps/v1',
            kind: 'Deployment',
            metadata: {
              name: 'web',
              namespace: 'apps',
              labels: { a: label },
              annotations: { n: annotation },
            },
            spec: {
              template: {
                spec: {
                  containers: [{ name: 'c', image }],
                  volumes: [{ name: 'd', persistentVolumeClaim: { claimName: 'data' } }],
                },
              },
            },
          },
          from: { file: 'hostile.yaml', line: 1 },
        },
        {
          object: {
            apiVersion: 'v1',
            kind: 'PersistentVolumeClaim',
            metadata: { name: 'data', namespace: 'apps' },
            spec: { storageClassName: claim },
          },
          from: { file: 'hostile.yaml', line: 20 },
        },
      ];
      const inventory = await inventoryFrom(
        { items, unreadable: [], skipped: [] },
        { cluster: 'c', now: NOW },
      );
      const first = renderContent(inventory, new Map());
      const path = 'workloads/apps.deployment.web.md';
      const page = first.get(path) ?? '';
      const at = page.lastIndexOf(`\n${NOTES_START}`);
      const edited = new Map(first).set(path, `${page.slice(0, at)}\n${NOTES_START}\nmine\n${NOTES_END}\n`);
      const second = renderContent(inventory, edited);
      assert.equal(extractNotes(second.get(path) ?? '', path), '\nmine\n');
      for (const [file, text] of second) extractNotes(text, file);
    }),
    { numRuns: 150, seed: 11 },
  );
});
