import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import { type ApiTransport, readLive } from '../../src/core/sources/live/index.ts';
import { loadK3sBundle } from '../support/apiserver-corpus.ts';
import { serve, transportFor } from './harness.ts';

/** Wraps a transport to measure how many requests are in flight at once. */
function counting(inner: ApiTransport) {
  const stats = { inFlight: 0, peak: 0 };
  const transport: ApiTransport = {
    async get(path) {
      stats.inFlight++;
      stats.peak = Math.max(stats.peak, stats.inFlight);
      try {
        return await inner.get(path);
      } finally {
        stats.inFlight--;
      }
    },
  };
  return { transport, stats };
}

// Every list answers after 15 ms, so kinds overlap whenever the reader allows it.
const slowLists = Object.fromEntries(
  [
    'pods',
    'services',
    'nodes',
    'namespaces',
    'persistentvolumes',
    'persistentvolumeclaims',
    'configmaps',
  ].map((plural) => [plural, { delayMs: 15 }]),
);

for (const concurrency of [1, 2, 4]) {
  test(`never more than ${concurrency} request(s) in flight, and the limit is used`, async (t) => {
    // The k3s cluster of replicatedhq/troubleshoot's support bundle (see apiserver-corpus.ts).
    const server = await serve(t, { objects: loadK3sBundle(), faults: slowLists });
    const { transport, stats } = counting(await transportFor(t, server));
    const result = await readLive(transport, { resourceTypes: RESOURCE_TYPES, concurrency });

    assert.equal(stats.peak, concurrency);
    assert.equal(result.unreadable.length, 0);
  });
}
