import type { TierRuleSpec } from './rule.ts';

/** `overrides` in tierbook.config.yaml: "namespace/Kind/name" or "namespace/name" (any kind). */
export const overrideConfig: TierRuleSpec = {
  id: 'override-config',
  fixed: true,
  decide(facts, ctx) {
    for (const [i, override] of ctx.config.overrides.entries()) {
      const parts = override.workload.split('/');
      const [namespace, kind, name] = parts.length === 3 ? parts : [parts[0], undefined, parts[1]];
      if (namespace !== facts.namespace || name !== facts.name) continue;
      // Kinds are compared ignoring case: people write "statefulset" as often as "StatefulSet".
      if (kind !== undefined && kind.toLowerCase() !== facts.kind.toLowerCase()) continue;
      const why = override.reason ? `: ${override.reason}` : '';
      return { tier: override.tier, reason: `config overrides[${i}] names ${override.workload}${why}` };
    }
    return null;
  },
};
