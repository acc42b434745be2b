import type { Impact } from './content-model.ts';

/** The words the site uses for the core's values, in one place. */

export const TIER_NAMES: Readonly<Record<number, string>> = {
  0: 'foundation',
  1: 'core data',
  2: 'important files',
  3: 'rebuildable',
  4: 'stateless',
};

export function tierLabel(tier: number | null): string {
  if (tier === null) return 'tier not known';
  return `tier ${tier} (${TIER_NAMES[tier] ?? 'unknown'})`;
}

export const IMPACT_WORDS: Readonly<Record<Impact, string>> = {
  'data-loss': 'loses data',
  unavailable: 'goes dark',
  degraded: 'degrades',
};

const IMPACT_PLURALS: Readonly<Record<Impact, string>> = {
  'data-loss': 'lose data',
  unavailable: 'go dark',
  degraded: 'degrade',
};

/** "1 loses data", "3 lose data". */
export function impactCount(count: number, impact: Impact): string {
  return `${count} ${count === 1 ? IMPACT_WORDS[impact] : IMPACT_PLURALS[impact]}`;
}

/** "3 h 20 min", "2 d 4 h": ages an operator reads at a glance. */
export function formatAge(seconds: number | null): string {
  if (seconds === null) return 'never';
  const s = Math.max(0, Math.round(seconds));
  if (s < 90) return `${s} s`;
  const m = Math.round(s / 60);
  if (m < 90) return `${m} min`;
  const h = Math.floor(m / 60);
  if (h < 48) return m % 60 ? `${h} h ${m % 60} min` : `${h} h`;
  const d = Math.floor(h / 24);
  return h % 24 ? `${d} d ${h % 24} h` : `${d} d`;
}

/**
 * An RPO as written by the core ("15m", "1h", "24 h", "15 min", "PT1H"), in seconds; null for
 * "none", "best effort" or anything not a duration.
 */
export function durationSeconds(text: string | null): number | null {
  if (!text) return null;
  const iso = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?$/i.exec(text.trim());
  if (iso && (iso[1] || iso[2] || iso[3])) {
    return Number(iso[1] ?? 0) * 3600 + Number(iso[2] ?? 0) * 60 + Number(iso[3] ?? 0);
  }
  const units: Record<string, number> = { s: 1, m: 60, min: 60, h: 3600, d: 86400, w: 604800 };
  let total = 0;
  let matched = false;
  for (const part of text.matchAll(/(\d+(?:\.\d+)?)\s*(min|s|m|h|d|w)\b/gi)) {
    total += Number(part[1]) * (units[(part[2] ?? '').toLowerCase()] ?? 0);
    matched = true;
  }
  return matched ? total : null;
}
