import type { ObjectRef } from '../blast/model.ts';

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
