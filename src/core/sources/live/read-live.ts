import { UsageError } from '../../errors.ts';
import { groupOf, type Skipped, type SourceItem, type SourceResult, type Unreadable } from '../../model.ts';
import { RESOURCE_TYPES, type ResourceType } from '../resources.ts';
import { discover } from './discovery.ts';
import { listKind } from './list-kind.ts';
import { mapBounded } from './pool.ts';
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
  /** The kinds to read; defaults to RESOURCE_TYPES. */
  resourceTypes?: readonly ResourceType[];
}

const DEFAULTS = { pageSize: 500, concurrency: 4, maxRelists: 3 };

/**
 * Reads every wanted kind the cluster serves: discovery, then one paged, cluster-wide list per
 * kind. Forbidden or failing kinds land in `unreadable` and the rest still reads (a partial
 * inventory is not an error); bad credentials or an unreachable API throw `ClusterReadError`.
 */
export async function readLive(
  transport: ApiTransport,
  options: LiveReadOptions = {},
): Promise<SourceResult> {
  const pageSize = positiveInteger('pageSize', options.pageSize ?? DEFAULTS.pageSize);
  const concurrency = positiveInteger('concurrency', options.concurrency ?? DEFAULTS.concurrency);
  const maxRelists = options.maxRelists ?? DEFAULTS.maxRelists;
  const sleep = options.sleep ?? options.retry?.sleep ?? DEFAULT_RETRY.sleep;
  const policy: RetryPolicy = { ...DEFAULT_RETRY, ...options.retry, sleep };
  const guarded = refusingSecrets(transport);
  const fetch = (path: string) => getWithRetry(guarded, path, policy);

  const discovery = await discover(fetch, options.resourceTypes ?? RESOURCE_TYPES, concurrency);
  const listings = await mapBounded(discovery.served, concurrency, (resource) =>
    listKind(fetch, resource, { pageSize, maxRelists }),
  );

  const items: SourceItem[] = [];
  const skipped: Skipped[] = [];
  const unreadable: Unreadable[] = [...discovery.unreadable];
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

/** Code-unit order, not locale order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
