export {
  type Baseline,
  type BaselineComparison,
  compareWithBaseline,
  findingKey,
  messageShape,
  parseBaseline,
} from './baseline.ts';
export { type ContractFinding, findingsJson } from './json-report.ts';
export type { FailOn, Finding, Rule, RuleMeta, Severity } from './model.ts';
export { FAIL_ON_VALUES, SEVERITY_ORDER } from './model.ts';
export { compareFindings, sortFindings } from './order.ts';
export { RULES } from './rules/index.ts';
export { runChecks } from './run.ts';
export { failsAt, lowerSeverity, severityForTier } from './severity.ts';
export { findingsText, partialReadText, summaryLine } from './text-report.ts';
