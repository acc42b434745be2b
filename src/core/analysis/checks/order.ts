import { compare } from '../../graph/context.ts';
import { type Finding, SEVERITY_ORDER } from './model.ts';

/** Severity (high first), then rule, object id, field and message: the same input, the same order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER.indexOf(a.severity) - SEVERITY_ORDER.indexOf(b.severity) ||
    compare(a.rule, b.rule) ||
    compare(a.id, b.id) ||
    compare(a.field, b.field) ||
    compare(a.message, b.message)
  );
}

/** Sorted, with exact repeats (the same rule, object, field and message) kept once. */
export function sortFindings(findings: readonly Finding[]): Finding[] {
  const seen = new Set<string>();
  const out: Finding[] = [];
  for (const f of [...findings].sort(compareFindings)) {
    const key = [f.rule, f.id, f.field, f.message].join('\0');
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(f);
  }
  return out;
}
