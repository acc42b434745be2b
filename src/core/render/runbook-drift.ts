import matter from 'gray-matter';

/**
 * What `inventory --check` says about runbooks beyond the changed lines: a placeholder that
 * resolved in the committed page and is now a fill-in (the cluster no longer shows it), and a
 * runbook that no longer applies to its target (the page is gone).
 */
export function runbookDrift(
  before: ReadonlyMap<string, string>,
  after: ReadonlyMap<string, string>,
): string[] {
  const lines: string[] = [];
  for (const [path, old] of before) {
    if (!/^runbooks\/[^/]+\.md$/.test(path)) continue;
    const now = after.get(path);
    if (now === undefined) {
      lines.push(`${path}: the runbook no longer applies (its target is gone or changed)`);
      continue;
    }
    const was = new Set(fillInNames(old));
    for (const name of fillInNames(now))
      if (!was.has(name))
        lines.push(`${path}: {{${name}}} no longer resolves from the inventory (now a fill-in)`);
  }
  return lines;
}

/** Vocabulary names among a runbook page's fill-ins (`{{fill: …}}` prompts are always fill-ins). */
function fillInNames(text: string): string[] {
  let data: unknown;
  try {
    data = matter(text).data;
  } catch {
    return [];
  }
  const fillIns = (data as { runbook?: { fillIns?: unknown } }).runbook?.fillIns;
  if (!Array.isArray(fillIns)) return [];
  return fillIns
    .map((f) => (f && typeof f === 'object' ? (f as { name?: unknown }).name : undefined))
    .filter((n): n is string => typeof n === 'string' && /^[a-z]+(\.[A-Za-z]+)+$/.test(n));
}
