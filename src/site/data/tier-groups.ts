/** Rows grouped by tier in the order they come (already strictest tier first). */
export function byTier<T extends { tier: number | null }>(rows: readonly T[]): [number | null, T[]][] {
  const groups = new Map<number | null, T[]>();
  for (const row of rows) groups.set(row.tier, [...(groups.get(row.tier) ?? []), row]);
  return [...groups];
}
