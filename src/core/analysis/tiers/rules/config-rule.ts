import type { TierRuleConfig } from '../../../config/model.ts';
import type { WorkloadFacts } from '../facts.ts';
import { globMatches } from './glob.ts';
import type { TierRuleSpec } from './rule.ts';

/** `rules` in tierbook.config.yaml, in order: the first whose every `match` field holds decides. */
export const configRule: TierRuleSpec = {
  id: 'config-rule',
  fixed: false,
  decide(facts, ctx) {
    for (const [i, rule] of ctx.config.rules.entries()) {
      const matched = matches(rule.match, facts);
      if (!matched) continue;
      const why = rule.reason ? `: ${rule.reason}` : '';
      return { tier: rule.tier, reason: `config rules[${i}] matches (${matched.join(', ')})${why}` };
    }
    return null;
  },
};

/** What matched, in words, or null when some field does not. */
function matches(match: TierRuleConfig['match'], facts: WorkloadFacts): string[] | null {
  const said: string[] = [];
  if (match.image !== undefined) {
    const needle = match.image.toLowerCase();
    const image = facts.images.find((i) => i.toLowerCase().includes(needle));
    if (!image) return null;
    said.push(`image ${image}`);
  }
  if (match.namespace !== undefined) {
    if (!globMatches(match.namespace, facts.namespace)) return null;
    said.push(`namespace ${facts.namespace}`);
  }
  if (match.name !== undefined) {
    if (!globMatches(match.name, facts.name)) return null;
    said.push(`name ${facts.name}`);
  }
  if (match.label !== undefined) {
    const eq = match.label.indexOf('=');
    const key = eq < 0 ? match.label : match.label.slice(0, eq);
    const value = facts.labels[key];
    if (value === undefined || (eq >= 0 && value !== match.label.slice(eq + 1))) return null;
    said.push(`label ${key}=${value}`);
  }
  return said;
}
