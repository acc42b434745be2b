import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { parseDocuments } from '../../src/core/sources/offline/index.ts';

// A live Pod read back from an API server (derailed/k9s internal/render/testdata/po.json).
const podFile = path.resolve(
  import.meta.dirname,
  '../../../shared/corpus/derailed__k9s/internal/render/testdata/po.json',
);

test('a 10,000-pod JSON List (kubectl’s 4-space indent, ~50 MB) parses in seconds with every line right', () => {
  const pod = JSON.parse(readFileSync(podFile, 'utf8')) as { metadata: Record<string, unknown> };
  const items = Array.from({ length: 10_000 }, (_, i) => ({
    ...pod,
    metadata: { ...pod.metadata, name: `pod-${i}`, namespace: `ns-${i % 50}`, uid: `uid-${i}` },
  }));
  const text = JSON.stringify(
    { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' }, items },
    null,
    4,
  );
  assert.ok(text.length > 40_000_000);

  const started = performance.now();
  const parsed = parseDocuments(text, 'pods.json');
  const elapsed = performance.now() - started;

  assert.equal(parsed.items.length, 10_000);
  const lines = text.split('\n');
  for (const index of [0, 1, 4_999, 9_999]) {
    const item = parsed.items[index];
    assert.equal(item?.object.metadata.name, `pod-${index}`);
    assert.equal(lines[(item?.from.line ?? 0) - 1], '        {', `pod-${index} starts on its line`);
  }
  assert.ok(elapsed < 5_000, `parsing took ${Math.round(elapsed)} ms`);
});
