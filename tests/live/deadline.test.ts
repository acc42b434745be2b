/**
 * The live read's deadline and limits at the library level: `readLive` over the real client-node
 * transport against the test API server on 127.0.0.1 (hang, drip and endless faults). The CLI
 * side (`--timeout`, `--request-timeout`, `--max-bytes`) is tests/reliability/deadlines.test.ts.
 */

import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ClusterReadError } from '../../src/core/errors.ts';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { type LiveProgress, ResponseTooLarge, readLive } from '../../src/core/sources/live/index.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { recordingSleep, serve, tempDir } from './harness.ts';

const k3s = loadK3sBundle();
const BOUND = { timeout: 10_000 };

async function transport(
  t: Parameters<typeof serve>[0],
  url: string,
  limits: { timeoutMs?: number; maxBytes?: number },
) {
  const kubeconfig = await writeKubeconfig(await tempDir(t), [{ name: 'local', server: url }]);
  return (await createKubeTransport({ kubeconfig, ...limits })).transport;
}

test(
  'the deadline ends a hung read with ClusterReadError naming the pending kinds, and aborts what is in flight',
  BOUND,
  async (t) => {
    const server = await serve(t, { objects: k3s, faults: { pods: { hang: true } } });
    const client = await transport(t, server.url, { timeoutMs: 60_000 });
    const progress: LiveProgress[] = [];
    const started = Date.now();
    await assert.rejects(
      readLive(client, {
        resourceTypes: RESOURCE_TYPES,
        deadline: { signal: AbortSignal.timeout(1500), describe: '1.5s (test)' },
        onProgress: (p) => progress.push(p),
      }),
      (error: unknown) => {
        assert.ok(error instanceof ClusterReadError);
        assert.match(
          error.message,
          /^the read did not finish within 1\.5s \(test\): \d+ of \d+ kinds were read; still pending: pods \(being listed\)$/,
        );
        return true;
      },
    );
    assert.ok(Date.now() - started < 4000);
    const last = progress.at(-1);
    assert.equal(last?.phase, 'lists');
    assert.deepEqual(last?.listing, ['pods']);
    assert.ok((last?.objects ?? 0) > 0, 'the other kinds were read');
    // The hung request was cancelled: the server sees its connection close.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const hung = server.requests.filter((r) => r.status === 'hang');
    assert.equal(hung.length, 1);
    assert.equal(hung[0]?.closed, true);
  },
);

test('a deadline already passed reads nothing', BOUND, async (t) => {
  const server = await serve(t, { objects: k3s });
  const client = await transport(t, server.url, {});
  await assert.rejects(
    readLive(client, {
      resourceTypes: RESOURCE_TYPES,
      deadline: { signal: AbortSignal.abort(), describe: '0s' },
    }),
    /did not finish within 0s: discovery of the API .* had not finished/,
  );
});

test(
  'a timed-out request is tried twice, not five times; the kind is unreadable, the rest is read',
  BOUND,
  async (t) => {
    const server = await serve(t, { objects: k3s, faults: { pods: { drip: { intervalMs: 50 } } } });
    const client = await transport(t, server.url, { timeoutMs: 500 });
    const result = await readLive(client, { resourceTypes: RESOURCE_TYPES, sleep: recordingSleep().sleep });
    const pods = result.unreadable.find((u) => u.kind === 'Pod');
    assert.match(pods?.detail ?? '', /ETIMEDOUT: no answer .* within 500 ms \(after 2 attempts\)/);
    assert.equal(server.requests.filter((r) => r.resource === 'pods').length, 2);
    assert.ok(result.items.some((i) => i.object.kind === 'Node'));
  },
);

test('an endless body is cut at maxBytes and not retried', BOUND, async (t) => {
  const server = await serve(t, { objects: k3s, faults: { pods: { endless: true } } });
  const client = await transport(t, server.url, { maxBytes: 64 * 1024 });
  await assert.rejects(client.get('/api/v1/pods?limit=500'), (error: unknown) => {
    assert.ok(error instanceof ResponseTooLarge);
    assert.match(error.message, /larger than 64 KiB, the limit \(raise it with --max-bytes\)/);
    return true;
  });
  const result = await readLive(client, { resourceTypes: RESOURCE_TYPES, sleep: recordingSleep().sleep });
  const pods = result.unreadable.find((u) => u.kind === 'Pod');
  assert.match(
    pods?.detail ?? '',
    /^GET \/api\/v1\/pods\?limit=500: ETOOLARGE: the response is larger than 64 KiB/,
  );
  assert.equal(
    server.requests.filter((r) => r.resource === 'pods').length,
    2,
    'one get above, one in the read',
  );
});

test(
  'an API object nested 1500 levels deep is skipped with the reason, not a stack overflow later',
  BOUND,
  async (t) => {
    let deep: unknown = 'bottom';
    for (let i = 0; i < 1500; i++) deep = [deep];
    const hostile = {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'deep', namespace: 'default' },
      spec: { containers: [], deep },
    };
    const server = await serve(t, { objects: [...k3s, hostile] });
    const client = await transport(t, server.url, {});
    const result = await readLive(client, { resourceTypes: RESOURCE_TYPES, sleep: recordingSleep().sleep });
    assert.ok(!result.items.some((i) => i.object.metadata.name === 'deep'));
    assert.ok(
      result.skipped.some(
        (s) =>
          s.where.startsWith('/api/v1/pods') && /is nested too deeply: more than 1000 levels/.test(s.reason),
      ),
      JSON.stringify(result.skipped),
    );
    assert.ok(result.items.some((i) => i.object.kind === 'Pod'));
  },
);
