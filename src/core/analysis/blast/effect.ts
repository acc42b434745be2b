import { IMPACT_ORDER, type Impact } from './model.ts';

/** What a loss does to one thing (a pool, a volume, a workload), and why, in checkable words. */
export interface Effect {
  impact: Impact;
  why: string[];
}

export function rank(impact: Impact): number {
  return IMPACT_ORDER.indexOf(impact);
}

/** The worse of two effects; the first wins a tie, so earlier reasons are kept. */
export function worse(a: Effect | null, b: Effect | null): Effect | null {
  if (!a) return b;
  if (!b) return a;
  return rank(b.impact) < rank(a.impact) ? b : a;
}

/** "loses data", "is unavailable", "is degraded": how a why line names an impact. */
export function describeImpact(impact: Impact): string {
  return impact === 'data-loss' ? 'loses data' : impact === 'unavailable' ? 'is unavailable' : 'is degraded';
}
