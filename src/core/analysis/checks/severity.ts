import type { Tier } from '../tiers/model.ts';
import { type FailOn, type Finding, SEVERITY_ORDER, type Severity } from './model.ts';

/** `high` → `medium` → `low`; `low` stays `low`. */
export function lowerSeverity(severity: Severity, steps = 1): Severity {
  const at = Math.min(SEVERITY_ORDER.indexOf(severity) + steps, SEVERITY_ORDER.length - 1);
  return SEVERITY_ORDER[at] as Severity;
}

/**
 * The one tier scaling every tier-driven rule uses (docs/checks.md): the same gap matters less
 * the more rebuildable the data is.
 *
 * | tier | severity |
 * |---|---|
 * | 0 foundation, 1 core data | the rule's base severity |
 * | 2 important files | one step lower |
 * | 3 rebuildable | low |
 * | 4 stateless | no finding |
 */
export function severityForTier(base: Severity, tier: Tier): Severity | null {
  if (tier <= 1) return base;
  if (tier === 2) return lowerSeverity(base);
  if (tier === 3) return 'low';
  return null;
}

/** True when a finding is at or above `failOn` (`--fail-on`; `none` never fails). */
export function failsAt(findings: readonly Finding[], failOn: FailOn): boolean {
  if (failOn === 'none') return false;
  const limit = SEVERITY_ORDER.indexOf(failOn);
  return findings.some((f) => SEVERITY_ORDER.indexOf(f.severity) <= limit);
}
