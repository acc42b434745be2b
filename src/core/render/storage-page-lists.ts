import type { StorageEntry } from '../inventory/model.ts';
import type { StorageFrontMatter } from '../schemas/page.ts';
import { capItems, LISTED, mustList } from './capped-list.ts';

/**
 * A storage page of a large cluster (a pool, an OSD, a node, a disk holding part of every
 * volume) would name every workload three times in its front matter: what lives there, what
 * the blast of losing it reaches, and the volumes related to it. That made each such page as
 * long as the cluster (2 MB at 10,000 pods) and the inventory quadratic. Such a page keeps the
 * first LISTED of each list (and every tier-0 workload losing data) and points, in `lists`, to
 * a JSON file beside it that holds every list in full (issue 18: "cap, group and link, and put
 * the full list in JSON"). A page whose lists are all short has no `lists` and no JSON file.
 */

/** The JSON file beside a storage page holding its lists in full: `storage/x.md` → `storage/x.lists.json`. */
export function storageListsFile(pagePath: string): string {
  return `${pagePath.replace(/\.md$/, '')}.lists.json`;
}

/** Whether a path in content/ is a storage page's lists file (tierbook writes it, and replaces it). */
export function isStorageListsFile(path: string): boolean {
  return /^storage\/[^/]+\.lists\.json$/.test(path);
}

/** Whether any list the page carries is longer than it lists. */
export function storageListsCapped(entry: StorageEntry): boolean {
  return (
    entry.workloads.length > LISTED ||
    (entry.blast?.impacts.length ?? 0) > LISTED ||
    Object.values(entry.related).some((refs) => refs.length > LISTED)
  );
}

/** A capped page's front matter: each list's first entries and `lists`, how many there are in all and where. */
export function cappedFrontMatter(entry: StorageEntry, pagePath: string): StorageFrontMatter {
  const { related, workloads, blast, ...rest } = entry;
  const file = storageListsFile(pagePath).split('/').pop() as string;
  const fm: StorageFrontMatter = {
    id: rest.id,
    type: rest.type,
    title: rest.title,
    name: rest.name,
    namespace: rest.namespace,
    attrs: rest.attrs,
    related: Object.fromEntries(
      Object.entries(related).map(([label, refs]) => [label, capItems(refs).shown]),
    ),
    workloads: capItems(workloads).shown,
    lists: {
      file,
      workloads: workloads.length,
      impacts: blast?.impacts.length ?? 0,
      related: Object.fromEntries(Object.entries(related).map(([label, refs]) => [label, refs.length])),
    },
    problems: rest.problems,
    blast: blast ? { ...blast, impacts: capItems(blast.impacts, mustList).shown } : null,
    findings: rest.findings,
  };
  if (rest.runbooks !== undefined) fm.runbooks = rest.runbooks;
  return fm;
}

/**
 * The JSON file's text: every list in full, one entry a line so a diff shows the entries that
 * changed, the same bytes for the same entry.
 */
export function storageListsText(entry: StorageEntry): string {
  const lines = (items: readonly unknown[]) =>
    items.length === 0 ? '[]' : `[\n${items.map((i) => `    ${JSON.stringify(i)}`).join(',\n')}\n  ]`;
  const related = Object.entries(entry.related).map(
    ([label, refs]) => `  ${JSON.stringify(label)}: ${lines(refs).replaceAll('\n', '\n  ')}`,
  );
  return [
    '{',
    `  "id": ${JSON.stringify(entry.id)},`,
    `  "workloads": ${lines(entry.workloads)},`,
    `  "impacts": ${lines(entry.blast?.impacts ?? [])},`,
    `  "related": ${related.length === 0 ? '{}' : `{\n${related.join(',\n')}\n  }`}`,
    '}',
    '',
  ].join('\n');
}
