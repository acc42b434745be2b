/** Levenshtein distance, two rows: names are short, and this only runs on a bad target. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + cost);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The `count` names closest to what was typed; ties broken by name, so the answer is stable. */
export function closestNames(typed: string, names: readonly string[], count = 5): string[] {
  const wanted = typed.toLowerCase();
  return names
    .map((name) => {
      const lower = name.toLowerCase();
      // A name that contains what was typed ("sdc" in device/k8s-2/dev/sdc), or that what was
      // typed contains (osd/3 in "osd/30"), beats any distance.
      const contains = lower.includes(wanted) ? -1000 : wanted.includes(lower) ? -500 : 0;
      return { name, score: editDistance(wanted, lower) + contains };
    })
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .slice(0, count)
    .map((s) => s.name);
}
