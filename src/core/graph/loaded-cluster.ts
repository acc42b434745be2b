import type { Provenance, SourceResult } from '../model.ts';
import type { Unread } from '../sources/unread.ts';
import type { Graph } from './model.ts';

/** A cluster as read and built (the front door's `loadCluster`): what every later step starts from. */
export interface LoadedCluster {
  /** The objects read, only of the kinds tierbook reads; the rest counted in `skipped`. */
  source: SourceResult;
  graph: Graph;
  /** What the read did not see (kinds not listed, inputs not read): said in every answer. */
  unread: Unread[];
  /** Graph node id → where its object was read (file and line offline, API path live). */
  provenance: ReadonlyMap<string, Provenance>;
}
