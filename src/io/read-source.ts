import { basename, resolve } from 'node:path';
import { keepKnownKinds } from '../core/graph/known-kinds.ts';
import { RESOURCE_TYPES } from '../core/graph/reads.ts';
import type { SourceResult } from '../core/model.ts';
import { type LiveProgress, readLive } from '../core/sources/live/index.ts';
import type { ResourceType } from '../core/sources/resource-type.ts';
import { readOffline } from './read-offline.ts';

export interface SourceOptions {
  /** `--from PATH`, repeatable: offline. Empty: the live cluster. */
  from: string[];
  kubeconfig?: string;
  context?: string;
  /** `--cluster NAME`: the name the inventory is published under. */
  cluster?: string;
  /** `--partial`: skip and list offline files that cannot be read instead of failing. */
  partial?: boolean;
  /** `--timeout`: the whole live read's deadline, in ms (default 5 minutes). */
  timeoutMs?: number;
  /** How `--timeout` was written, for the deadline's message (`2s`). */
  timeoutText?: string;
  /** `--request-timeout`: one request, connect to last byte, in ms (default 60 s). */
  requestTimeoutMs?: number;
  /** `--max-bytes`: the most bytes of one API response or one input file. */
  maxBytes?: number;
  /**
   * The kinds read live and kept offline: RESOURCE_TYPES, what the graph's tables declare they
   * read (graph/reads.ts). Given only by a test that adds a row to a table.
   */
  reads?: readonly ResourceType[];
  /** Where a live read's progress lines go (stderr); nothing is said when it is absent. */
  progress?: (line: string) => void;
}

export const DEFAULT_TIMEOUT_MS = 5 * 60_000;
/** A read slower than this says how far it got, once per this interval. */
const PROGRESS_EVERY_MS = 10_000;

export interface ReadSource {
  result: SourceResult;
  cluster: string;
  /** Where it was read from, for the terminal (paths, context and server; never a credential). */
  describe: string;
}

export async function readSource(options: SourceOptions): Promise<ReadSource> {
  if (options.from.length > 0) {
    const offline = {
      partial: options.partial ?? false,
      ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
    };
    const result = keepKnownKinds(await readOffline(options.from, offline), options.reads ?? RESOURCE_TYPES);
    const first = options.from[0] ?? '.';
    return {
      result,
      cluster: options.cluster ?? basename(resolve(first)).replace(/\.(ya?ml|json)$/, ''),
      describe: options.from.join(', '),
    };
  }
  // Loaded for a live read only: an offline one never needs Node's HTTP client or client-node.
  const { createKubeTransport } = await import('./kube-transport.ts');
  const { transport, describe, context } = await createKubeTransport({
    ...(options.kubeconfig ? { kubeconfig: options.kubeconfig } : {}),
    ...(options.context ? { context: options.context } : {}),
    ...(options.requestTimeoutMs ? { timeoutMs: options.requestTimeoutMs } : {}),
    ...(options.maxBytes ? { maxBytes: options.maxBytes } : {}),
  });
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = {
    signal: AbortSignal.timeout(timeoutMs),
    describe: `${options.timeoutText ?? '5m'} (--timeout)`,
  };
  const reporter = progressReporter(options.progress, timeoutMs);
  try {
    const result = await readLive(transport, {
      resourceTypes: options.reads ?? RESOURCE_TYPES,
      deadline,
      onProgress: reporter.update,
    });
    return { result, cluster: options.cluster ?? context, describe };
  } finally {
    reporter.stop();
  }
}

/**
 * One line per interval while a live read runs: every 10 s, or a fifth of `--timeout` when that
 * is shorter (at least 1 s), so a read that hangs is never silent and a quick one says nothing.
 */
function progressReporter(write: ((line: string) => void) | undefined, timeoutMs: number) {
  let latest: LiveProgress | undefined;
  const started = Date.now();
  const every = Math.max(1000, Math.min(PROGRESS_EVERY_MS, Math.floor(timeoutMs / 5)));
  const timer = write
    ? setInterval(() => {
        if (!latest) return;
        const seconds = Math.round((Date.now() - started) / 1000);
        write(`reading the cluster (${seconds}s): ${progressLine(latest)}`);
      }, every)
    : undefined;
  timer?.unref();
  return {
    update: (progress: LiveProgress) => {
      latest = progress;
    },
    stop: () => clearInterval(timer),
  };
}

function progressLine(progress: LiveProgress): string {
  if (progress.phase === 'discovery') return 'discovering which kinds the server serves';
  const listing = progress.listing.length > 0 ? `; listing ${progress.listing.join(', ')}` : '';
  return `${progress.done} of ${progress.total} kinds read, ${progress.objects} objects${listing}`;
}
