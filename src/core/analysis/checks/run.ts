import type { Analysis } from '../model.ts';
import type { Finding, Rule } from './model.ts';
import { sortFindings } from './order.ts';
import { RULES } from './rules/index.ts';

/** Every rule over one analysis: findings sorted by severity, rule, object id and field. */
export function runChecks(analysis: Analysis, rules: readonly Rule[] = RULES): Finding[] {
  return sortFindings(rules.flatMap((rule) => rule.check(analysis)));
}
