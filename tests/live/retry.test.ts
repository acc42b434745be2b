import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type ApiResponse, NetworkFailure } from '../../src/core/sources/live/index.ts';
import { DEFAULT_RETRY, getWithRetry, type RetryPolicy } from '../../src/core/sources/live/retry.ts';
import { recordingSleep } from './harness.ts';

/** A transport that plays back `answers` in order (a response, or an error to throw). */
function scripted(answers: (ApiResponse | Error)[]) {
  const paths: string[] = [];
  return {
    paths,
    get(path: string): Promise<ApiResponse> {
      paths.push(path);
      const next = answers.shift();
      if (next === undefined) return Promise.reject(new Error('script exhausted'));
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    },
  };
}
const reply = (status: number, headers: Record<string, string> = {}): ApiResponse => ({
  status,
  headers,
  body: {},
});

function policy(overrides: Partial<RetryPolicy> = {}) {
  const { sleep, waits } = recordingSleep();
  return { policy: { ...DEFAULT_RETRY, sleep, ...overrides }, waits };
}

test('backoff doubles from the base delay and is capped', async () => {
  const { policy: p, waits } = policy({ attempts: 6, baseDelayMs: 100, maxDelayMs: 500 });
  const transport = scripted([reply(502), reply(503), reply(504), reply(500), reply(500), reply(200)]);
  const fetched = await getWithRetry(transport, '/api', p);
  assert.ok('response' in fetched);
  assert.equal(fetched.response.status, 200);
  assert.equal(fetched.attempts, 6);
  assert.deepEqual(waits, [100, 200, 400, 500, 500]);
});

test('Retry-After as an HTTP date is honoured against the injected clock, and capped', async () => {
  const now = Date.parse('2026-11-24T06:00:00Z');
  const { policy: p, waits } = policy({ now: () => now, maxRetryAfterMs: 60_000 });
  const transport = scripted([
    reply(429, { 'retry-after': 'Tue, 24 Nov 2026 06:00:03 GMT' }),
    reply(429, { 'retry-after': '3600' }),
    reply(200),
  ]);
  await getWithRetry(transport, '/api/v1/pods?limit=500', p);
  assert.deepEqual(waits, [3000, 60_000]);
});

test('network failures are retried; the last one is returned, not thrown', async () => {
  const { policy: p, waits } = policy({ attempts: 3 });
  const reset = () => new NetworkFailure('socket hang up', 'ECONNRESET');
  const fetched = await getWithRetry(scripted([reset(), reset(), reset()]), '/api', p);
  assert.ok('failure' in fetched);
  assert.equal(fetched.failure.code, 'ECONNRESET');
  assert.equal(fetched.attempts, 3);
  assert.deepEqual(waits, [250, 500]);
});

test('4xx answers and 501 are final; other errors propagate untouched', async () => {
  for (const status of [400, 403, 404, 410, 501]) {
    const transport = scripted([reply(status), reply(200)]);
    const fetched = await getWithRetry(transport, '/api', policy().policy);
    assert.ok('response' in fetched && fetched.response.status === status, `HTTP ${status} is not retried`);
    assert.equal(transport.paths.length, 1);
  }
  const bug = new TypeError('not a network failure');
  await assert.rejects(getWithRetry(scripted([bug]), '/api', policy().policy), bug);
});
