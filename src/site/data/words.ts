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
