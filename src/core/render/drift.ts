export interface Drift {
  added: string[];
  removed: string[];
  changed: { path: string; line: number; before: string; after: string }[];
}

/** What regenerating would change, file by file, with the first differing line of each. */
export function contentDrift(before: ReadonlyMap<string, string>, after: ReadonlyMap<string, string>): Drift {
  const drift: Drift = { added: [], removed: [], changed: [] };
  for (const [path, text] of after) {
    const old = before.get(path);
    if (old === undefined) drift.added.push(path);
    else if (old !== text) drift.changed.push({ path, ...firstDifference(old, text) });
  }
  for (const path of before.keys()) if (!after.has(path)) drift.removed.push(path);
  drift.removed.sort();
  return drift;
}

export function hasDrift(drift: Drift): boolean {
  return drift.added.length + drift.removed.length + drift.changed.length > 0;
}

/** The first line where two texts differ (1-based), with each side's line. */
export function firstDifference(a: string, b: string): { line: number; before: string; after: string } {
  const left = a.split('\n');
  const right = b.split('\n');
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return { line: i + 1, before: left[i] ?? '', after: right[i] ?? '' };
  }
  return { line: 0, before: '', after: '' };
}
