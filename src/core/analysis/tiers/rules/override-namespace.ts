import type { TierRuleSpec } from './rule.ts';
import { tierMark } from './tier-mark.ts';

/** `tierbook.io/tier` on the workload's Namespace: a whole namespace's data at once. */
export const overrideNamespace: TierRuleSpec = {
  id: 'override-namespace',
  fixed: true,
  decide: (facts, ctx) =>
    facts.namespaceNode ? tierMark(facts.namespaceNode, ctx, `namespace ${facts.namespace}`) : null,
};
