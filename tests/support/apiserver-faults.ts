import type { ApiResourceDef } from './apiserver-kinds.ts';
import { expired, forbidden, internalError, tooManyRequests } from './apiserver-responses.ts';

/**
 * Faults injected on one resource's list and get requests (never on discovery). Counted faults
 * hit the first `times` requests to that resource, then the resource behaves normally.
 */
export interface Fault {
  /** Every request answers 403 Forbidden (RBAC does not grant `list`). */
  forbidden?: boolean;
  /** 429 with `Retry-After: retryAfterSeconds`, as API priority and fairness sends. */
  tooManyRequests?: { times: number; retryAfterSeconds: number };
  /** 500 (or `status`) InternalError. */
  serverError?: { times: number; status?: number };
  /** The connection is destroyed without an answer (the client sees ECONNRESET). */
  reset?: { times: number };
  /** Continue tokens answer 410 Gone / Expired, as after an etcd compaction. */
  expireContinue?: { times: number };
  /** Wait this long before answering. */
  delayMs?: number;
  /** The request is accepted and never answered: no status line, no byte, until the client gives up. */
  hang?: boolean;
  /** A 200 whose list body trickles: one byte every `intervalMs`, never ending. */
  drip?: { intervalMs: number };
  /** A 200 whose list body never ends, sent as fast as the client reads it. */
  endless?: boolean;
}

export type FaultAction =
  | { kind: 'reset' }
  | { kind: 'hang' }
  | { kind: 'drip'; intervalMs: number }
  | { kind: 'endless' }
  | { kind: 'respond'; status: number; body: unknown; headers?: Record<string, string> };

/** Counts, per resource, how many times each counted fault has fired. */
export class FaultCounters {
  readonly #fired = new Map<string, number>();

  /** True while `key`'s fault still has firings left, and counts this one. */
  fire(key: string, times: number): boolean {
    const fired = this.#fired.get(key) ?? 0;
    if (fired >= times) return false;
    this.#fired.set(key, fired + 1);
    return true;
  }
}

export interface FaultContext {
  resourceKey: string;
  def: ApiResourceDef;
  verb: 'list' | 'get';
  namespace: string | undefined;
  hasContinue: boolean;
}

/**
 * The fault to apply to this request, in a fixed order: hang, drip, endless, reset, 403, 429,
 * 5xx, expired token.
 */
export function faultFor(fault: Fault, counters: FaultCounters, at: FaultContext): FaultAction | undefined {
  const key = (name: string) => `${at.resourceKey}:${name}`;
  if (fault.hang) return { kind: 'hang' };
  if (fault.drip) return { kind: 'drip', intervalMs: fault.drip.intervalMs };
  if (fault.endless) return { kind: 'endless' };
  if (fault.reset && counters.fire(key('reset'), fault.reset.times)) return { kind: 'reset' };
  if (fault.forbidden)
    return { kind: 'respond', status: 403, body: forbidden(at.def, at.verb, at.namespace) };
  const throttle = fault.tooManyRequests;
  if (throttle && counters.fire(key('429'), throttle.times)) {
    const headers = { 'Retry-After': String(throttle.retryAfterSeconds) };
    return { kind: 'respond', status: 429, body: tooManyRequests(throttle.retryAfterSeconds), headers };
  }
  const failing = fault.serverError;
  if (failing && counters.fire(key('5xx'), failing.times)) {
    const code = failing.status ?? 500;
    return { kind: 'respond', status: code, body: internalError(code) };
  }
  if (at.hasContinue && fault.expireContinue && counters.fire(key('410'), fault.expireContinue.times)) {
    return { kind: 'respond', status: 410, body: expired() };
  }
  return undefined;
}
