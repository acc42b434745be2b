import { type ApiResponse, type ApiTransport, NetworkFailure, ResponseTooLarge } from './transport.ts';

export interface RetryPolicy {
  /** Total tries per request, the first one included. */
  attempts: number;
  /**
   * Total tries of a request that timed out (ETIMEDOUT): a server that gave no answer within the
   * per-request timeout rarely gives one on the next try, and each try costs the whole timeout.
   */
  timeoutAttempts: number;
  /** Backoff before retry n is `baseDelayMs * 2^(n-1)`, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's `Retry-After` is honoured up to this long, so one header cannot stall a run. */
  maxRetryAfterMs: number;
  /** Waits `ms`; ends early (resolving) when `signal` aborts, so no timer outlives the read. */
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Epoch milliseconds; only used to read a `Retry-After` given as an HTTP date. */
  now: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  timeoutAttempts: 2,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  sleep: abortableSleep,
  now: () => Date.now(),
};

/** The last answer after retries: an HTTP response (maybe still an error status) or no answer at all. */
export type Fetched =
  | { response: ApiResponse; attempts: number }
  | { failure: NetworkFailure; attempts: number };

/**
 * 429 is the API server's priority-and-fairness throttle; 5xx are transient apiserver or etcd
 * trouble (501 Not Implemented is not going to change on a retry).
 */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal?.aborted) return resolve();
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

/**
 * GETs `path`, retrying 429, 5xx and network failures with backoff. Once `signal` aborts (the
 * whole read's deadline), no further try starts and its reason is thrown.
 */
export async function getWithRetry(
  transport: ApiTransport,
  path: string,
  policy: RetryPolicy,
  signal?: AbortSignal,
): Promise<Fetched> {
  for (let attempt = 1; ; attempt++) {
    signal?.throwIfAborted();
    let fetched: Fetched;
    try {
      const response = await transport.get(path, signal ? { signal } : undefined);
      fetched = { response, attempts: attempt };
    } catch (error) {
      signal?.throwIfAborted();
      if (!(error instanceof NetworkFailure)) throw error;
      fetched = { failure: error, attempts: attempt };
    }
    if (!retryable(fetched, attempt, policy)) return fetched;
    const retryAfter = 'response' in fetched ? retryAfterMs(fetched.response, policy) : undefined;
    await policy.sleep(retryAfter ?? backoffMs(attempt, policy), signal);
  }
}

function retryable(fetched: Fetched, attempt: number, policy: RetryPolicy): boolean {
  if (attempt >= policy.attempts) return false;
  if ('response' in fetched) return isRetryableStatus(fetched.response.status);
  if (fetched.failure instanceof ResponseTooLarge) return false;
  return fetched.failure.code !== 'ETIMEDOUT' || attempt < policy.timeoutAttempts;
}

export function backoffMs(attempt: number, policy: Pick<RetryPolicy, 'baseDelayMs' | 'maxDelayMs'>): number {
  return Math.min(policy.baseDelayMs * 2 ** (attempt - 1), policy.maxDelayMs);
}

/** `Retry-After` is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function retryAfterMs(response: ApiResponse, policy: Pick<RetryPolicy, 'maxRetryAfterMs' | 'now'>) {
  const header = response.headers['retry-after']?.trim();
  if (!header) return undefined;
  let ms: number;
  if (/^\d+$/.test(header)) ms = Number(header) * 1000;
  else {
    const at = Date.parse(header);
    if (Number.isNaN(at)) return undefined;
    ms = Math.max(0, at - policy.now());
  }
  return Math.min(ms, policy.maxRetryAfterMs);
}

/** One line for `unreadable.detail` or an error message: what was asked, what came back. */
export function describeFetched(path: string, fetched: Fetched, statusMessage?: string): string {
  const tries = fetched.attempts > 1 ? ` (after ${fetched.attempts} attempts)` : '';
  if ('failure' in fetched) return `GET ${path}: ${fetched.failure.code}: ${fetched.failure.message}${tries}`;
  const message = statusMessage ? `: ${statusMessage}` : '';
  return `GET ${path}: HTTP ${fetched.response.status}${message}${tries}`;
}
