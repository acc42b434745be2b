import { ClusterReadError, UsageError } from '../../errors.ts';
import { groupOf, type Skipped, type SourceItem, type SourceResult, type Unreadable } from '../../model.ts';
import { compare } from '../../order.ts';
import type { ResourceType } from '../resource-type.ts';
import { discover } from './discovery.ts';
import { type KindListing, listKind } from './list-kind.ts';
import { mapBounded } from './pool.ts';
import { describePending, type LiveProgress, ProgressTracker } from './progress.ts';
import { DEFAULT_RETRY, getWithRetry, type RetryPolicy } from './retry.ts';
import { refusingSecrets } from './secret-guard.ts';
import type { ApiTransport } from './transport.ts';

export interface LiveReadOptions {
  /** Items per list page (`limit`); 500 is kubectl's default chunk size. */
  pageSize?: number;
  /** Requests in flight at once, across kinds. */
  concurrency?: number;
  /** How many times one kind's list may restart after its continue token expired. */
  maxRelists?: number;
  /** Retry and backoff for 429, 5xx and network failures; `sleep`/`now` are injectable for tests. */
  retry?: Partial<RetryPolicy>;
  /** Shorthand for `retry.sleep`. */
  sleep?: (ms: number) => Promise<void>;
  /** The kinds to read: RESOURCE_TYPES (graph/reads.ts), what the graph's tables declare. */
  resourceTypes: readonly ResourceType[];
  /**
   * The whole read's deadline: when `signal` aborts, requests in flight are cancelled, no new
   * one starts, and the read throws a ClusterReadError naming what was still pending.
   * `describe` says which limit it was, for that message (`5m (--timeout)`).
   */
  deadline?: { signal: AbortSignal; describe: string };
  /** Called on every change of the read's progress (discovery done, a kind started or ended). */
  onProgress?: (progress: LiveProgress) => void;
}

const DEFAULTS = { pageSize: 500, concurrency: 4, maxRelists: 3 };

/**
 * Reads every wanted kind the cluster serves: discovery, then one paged, cluster-wide list per
 * kind. Forbidden or failing kinds land in `unreadable` and the rest still reads (a partial
 * inventory is not an error); bad credentials or an unreachable API throw `ClusterReadError`.
 */
export async function readLive(transport: ApiTransport, options: LiveReadOptions): Promise<SourceResult> {
  const pageSize = positiveInteger('pageSize', options.pageSize ?? DEFAULTS.pageSize);
  const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULTS.concurrency);
  const maxRelists = options.maxRelists ?? DEFAULTS.maxRelists;
  const sleep = options.sleep ?? options.retry?.sleep ?? DEFAULT_RETRY.sleep;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry, sleep };
  const guarded = refusingSecrets(transport);
  const wanted = options.resourceTypes;
  const tracker = new ProgressTracker(wanted, options.onProgress);
  const { deadline } = options;
  const fetch = (path: string) => getWithRetry(guarded, path, policy, deadline?.signal);

  const read = async (): Promise<SourceResult> => {
    const discovery = await discover(fetch, wanted, concurrency);
    tracker.served(discovery.served);
    const listings = await mapBounded(discovery.served, concurrency, async (resource) => {
      tracker.started(resource);
      const listing = await listKind(fetch, resource, { pageSize, maxRelists });
      tracker.finished(resource, 'items' in listing ? listing.items.length : 0);
      return listing;
    });
    return collect(discovery.unreadable, listings);
  };
  if (!deadline) return read();
  return withDeadline(read(), deadline.signal, () => {
    const pending = describePending(tracker.snapshot());
    return new ClusterReadError(`the read did not finish within ${deadline.describe}: ${pending}`);
  });
}

/**
 * `work`, unless `signal` aborts first: then the error `onAbort` makes. The work's own later
 * rejection (its requests were aborted by the same signal) is absorbed by the race.
 */
function withDeadline<T>(work: Promise<T>, signal: AbortSignal, onAbort: () => Error): Promise<T> {
  let stop: (() => void) | undefined;
  const aborted = new Promise<never>((_, reject) => {
    stop = () => reject(onAbort());
    if (signal.aborted) stop();
    else signal.addEventListener('abort', stop, { once: true });
  });
  return Promise.race([work, aborted]).finally(() => {
    if (stop) signal.removeEventListener('abort', stop);
  });
}

function collect(discoveryUnreadable: readonly Unreadable[], listings: readonly KindListing[]): SourceResult {
  const items: SourceItem[] = [];
  const skipped: Skipped[] = [];
  const unreadable: Unreadable[] = [...discoveryUnreadable];
  for (const listing of listings) {
    if ('unreadable' in listing) unreadable.push(listing.unreadable);
    else {
      items.push(...listing.items);
      skipped.push(...listing.skipped);
    }
  }
  return {
    items: items.sort(compareItems),
    unreadable: unreadable.sort((a, b) => compare(a.group, b.group) || compare(a.kind, b.kind)),
    skipped: skipped.sort((a, b) => compare(a.where, b.where) || compare(a.reason, b.reason)),
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 1)
    throw new UsageError(`${name} must be a positive integer, got ${value}`);
  return value;
}

/** By group, kind, namespace, name: the order every later stage may rely on. */
function compareItems(a: SourceItem, b: SourceItem): number {
  const keyA = sortKey(a);
  const keyB = sortKey(b);
  for (let i = 0; i < keyA.length; i++) {
    const order = compare(keyA[i] ?? '', keyB[i] ?? '');
    if (order !== 0) return order;
  }
  return 0;
}

function sortKey({ object }: SourceItem): string[] {
  return [
    groupOf(object.apiVersion),
    object.kind,
    object.metadata.namespace ?? '',
    object.metadata.name ?? '',
  ];
}
