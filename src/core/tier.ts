/**
 * Data tiers (ARCHITECTURE.md section 3): 0 foundation … 4 stateless. Ground-floor words the
 * configuration, the graph and the analyses all speak; nothing here imports upward.
 */
export type Tier = 0 | 1 | 2 | 3 | 4;

export const TIERS: readonly Tier[] = [0, 1, 2, 3, 4];

/**
 * A tier as people write it: the number 0..4, or the string "0".."4" (labels and annotations
 * are always strings). Anything else — "high", "7", "tier-1" — is not a tier: null.
 */
export function tierOf(value: unknown): Tier | null {
  if (typeof value === 'number') return (TIERS as readonly number[]).includes(value) ? (value as Tier) : null;
  if (typeof value === 'string' && /^\s*[0-4]\s*$/.test(value)) return Number(value.trim()) as Tier;
  return null;
}
