import { type ApiResponse, type ApiTransport, NetworkFailure } from './transport.ts';

export interface RetryPolicy {
  /** Total tries per request, the first one included. */
  attempts: number;
  /** Backoff before retry n is `baseDelayMs * 2^(n-1)`, capped at `maxDelayMs`. */
  baseDelayMs: number;
  maxDelayMs: number;
  /** A server's `Retry-After` is honoured up to this long, so one header cannot stall a run. */
  maxRetryAfterMs: number;
  sleep: (ms: number) => Promise<void>;
  /** Epoch milliseconds; only used to read a `Retry-After` given as an HTTP date. */
  now: () => number;
}

export const DEFAULT_RETRY: RetryPolicy = {
  attempts: 5,
  baseDelayMs: 250,
  maxDelayMs: 8000,
  maxRetryAfterMs: 60_000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
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

export async function getWithRetry(
  transport: ApiTransport,
  path: string,
  policy: RetryPolicy,
): Promise<Fetched> {
  for (let attempt = 1; ; attempt++) {
    let fetched: Fetched;
    try {
      fetched = { response: await transport.get(path), attempts: attempt };
    } catch (error) {
      if (!(error instanceof NetworkFailure)) throw error;
      fetched = { failure: error, attempts: attempt };
    }
    const retryable = 'failure' in fetched || isRetryableStatus(fetched.response.status);
    if (!retryable || attempt >= policy.attempts) return fetched;
    const retryAfter = 'response' in fetched ? retryAfterMs(fetched.response, policy) : undefined;
    await policy.sleep(retryAfter ?? backoffMs(attempt, policy));
  }
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
