/** Words that mean "no target": best effort (tier 3 RPO), none (tier 4 RPO), redeploy (tier 4 RTO). */
export const NO_TARGET_WORDS = ['best-effort', 'none', 'redeploy'] as const;

const UNIT_SECONDS: Readonly<Record<string, number>> = { s: 1, m: 60, h: 3600, d: 86_400, w: 604_800 };

/** One or more `<number><unit>` parts, largest first by habit but any order: "15m", "1h30m", "7d". */
const DURATION = /^(?:\d+[smhdw])+$/;

export function isDuration(text: string): boolean {
  return (NO_TARGET_WORDS as readonly string[]).includes(text) || (DURATION.test(text) && seconds(text) > 0);
}

/**
 * Seconds in a recovery target: "15m" → 900, "1h" → 3600, "7d" → 604800; "best-effort", "none"
 * and "redeploy" → null (no target). Anything else throws: validate with `isDuration` first.
 */
export function parseDuration(text: string): number | null {
  if ((NO_TARGET_WORDS as readonly string[]).includes(text)) return null;
  if (!isDuration(text)) {
    throw new RangeError(`not a duration: "${text}" (write e.g. 15m, 1h, 24h, 7d or best-effort)`);
  }
  return seconds(text);
}

function seconds(text: string): number {
  let total = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([smhdw])/g)) {
    total += Number(amount) * (UNIT_SECONDS[unit as string] ?? 0);
  }
  return total;
}
