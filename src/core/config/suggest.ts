/**
 * The known word closest to a misspelt one, for "did you mean": same letters ignoring case,
 * `-` and `_` (identity_providers → identityProviders), else the smallest edit distance within
 * a third of the word (at least 1). Undefined when nothing is close.
 */
export function closestWord(word: string, known: readonly string[]): string | undefined {
  const squash = (s: string) => s.toLowerCase().replace(/[-_\s]/g, '');
  const same = known.find((k) => squash(k) === squash(word));
  if (same) return same;
  let best: string | undefined;
  // Words of one or two letters (tier keys "0".."4") are too short to guess from.
  let bestDistance = word.length < 3 ? 0 : Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of known) {
    const distance = editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] as number;
}
