import type { ObjectRef } from '../blast/model.ts';
import type { Finding, Severity } from './model.ts';

/** One finding exactly as the contract prints it (ARCHITECTURE.md section 3): no graph id. */
export interface ContractFinding {
  rule: string;
  severity: Severity;
  object: ObjectRef;
  field: string;
  message: string;
  fix: string;
}

/** `tierbook check --json`: `{"findings": [...]}`, keys in the contract's order. */
export function findingsJson(findings: readonly Finding[]): { findings: ContractFinding[] } {
  return {
    findings: findings.map((f) => ({
      rule: f.rule,
      severity: f.severity,
      object: {
        apiVersion: f.object.apiVersion,
        kind: f.object.kind,
        namespace: f.object.namespace,
        name: f.object.name,
      },
      field: f.field,
      message: f.message,
      fix: f.fix,
    })),
  };
}
