import type { ObjectRef } from '../blast/model.ts';
import type { Analysis } from '../model.ts';

export type Severity = 'high' | 'medium' | 'low';

export const SEVERITY_ORDER: readonly Severity[] = ['high', 'medium', 'low'];

/** The contract's finding (ARCHITECTURE.md section 3, check --json), plus the graph id. */
export interface Finding {
  rule: string;
  severity: Severity;
  object: ObjectRef;
  /** Graph node id of the object, for links. */
  id: string;
  field: string;
  message: string;
  fix: string;
}

export interface RuleMeta {
  id: string;
  /** Severity for a tier-0 workload; rules scale it down by tier where the docs say so. */
  defaultSeverity: Severity;
  summary: string;
  /** docs/rules/<id>.md */
  docs: string;
}

/**
 * A risk rule: metadata plus a pure check over the shared analysis. One file per rule in
 * `rules/`, one line in the `RULES` table.
 */
export interface Rule {
  meta: RuleMeta;
  check(analysis: Analysis): Finding[];
}

/** `--fail-on`: the lowest severity that fails the run; `none` never fails. */
export type FailOn = Severity | 'none';

export const FAIL_ON_VALUES: readonly FailOn[] = ['high', 'medium', 'low', 'none'];
