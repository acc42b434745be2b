import { compare } from '../order.ts';

export interface Drift {
  added: string[];
  removed: string[];
  changed: { path: string; line: number; before: string; after: string }[];
}

/** How a page made differs from the same path before: new, changed (its first differing line), or not. */
export type PageChange = 'added' | Drift['changed'][number] | null;

export function pageChange(path: string, before: string | undefined, after: string): PageChange {
  if (before === undefined) return 'added';
  return before === after ? null : { path, ...firstDifference(before, after) };
}

/**
 * The drift of the pages made (path → its change, made in any order) from the paths there
 * before: added and changed in path order, removed sorted.
 */
export function driftOf(made: ReadonlyMap<string, PageChange>, before: Iterable<string>): Drift {
  const drift: Drift = { added: [], removed: [], changed: [] };
  for (const path of [...made.keys()].sort(compare)) {
    const how = made.get(path);
    if (how === 'added') drift.added.push(path);
    else if (how) drift.changed.push(how);
  }
  for (const path of before) if (!made.has(path)) drift.removed.push(path);
  drift.removed.sort();
  return drift;
}

/** What regenerating would change, file by file, with the first differing line of each. */
export function contentDrift(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Drift {
  const made = new Map<string, PageChange>();
  for (const [path, text] of after) made.set(path, pageChange(path, before.get(path), text));
  return driftOf(made, before.keys());
}

export function hasDrift(drift: Drift): boolean {
  return drift.added.length + drift.removed.length + drift.changed.length > 0;
}

/** The first line where two texts differ (1-based), with each side's line. */
function firstDifference(a: string, b: string): { line: number; before: string; after: string } {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return { line: i + 1, before: left[i] ?? '', after: right[i] ?? '' };
  }
  return { line: 0, before: '', after: '' };
}
