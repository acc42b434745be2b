import { appsBehind } from './graph-facts.ts';
import { ALL, list, need, type Placeholder } from './vocabulary-model.ts';
import { STORAGE_PLACEHOLDERS } from './vocabulary-storage.ts';
import { WORKLOAD_PLACEHOLDERS } from './vocabulary-workload.ts';

/**
 * The placeholder vocabulary (docs/runbooks.md, Placeholders): one row per name. A value the
 * inventory does not hold is a fill-in, never a guess. One row per placeholder, in the docs' order:
 * the storage targets' rows are in vocabulary-storage.ts, a workload's and its backup's in
 * vocabulary-workload.ts; docs/runbooks.md's table is tested against it.
 */ export const VOCABULARY: readonly Placeholder[] = [
  {
    name: 'cluster.name',
    for: ALL,
    list: false,
    value: "the inventory's cluster name",
    compute: (c) => ({ text: c.cluster }),
  },
  {
    name: 'inventory.takenAt',
    for: ALL,
    list: false,
    value: 'when the inventory was read',
    compute: (c) => ({ text: c.takenAt }),
  },
  ...STORAGE_PLACEHOLDERS,
  ...WORKLOAD_PLACEHOLDERS,
  {
    name: 'restore.order',
    for: ALL,
    list: true,
    value:
      'workloads to bring back, dependencies first (`BoundRunbook.order`): for a workload, what it needs, itself, then what needs it; for a failure domain, what loses data; cluster-wide, every protected workload',
    compute: (c) => list(c.order().map((o) => `${o.workload} (tier ${o.tier}): ${o.why}`)),
  },
  {
    name: 'apps.behind',
    for: ['workload'],
    list: true,
    value: 'apps that sign in through it or sit behind its forward-auth',
    compute: (c) => list(appsBehind(c.analysis, need(c).id)),
  },
];

export const PLACEHOLDERS: ReadonlyMap<string, Placeholder> = new Map(VOCABULARY.map((p) => [p.name, p]));
