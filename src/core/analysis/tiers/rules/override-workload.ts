import type { TierRuleSpec } from './rule.ts';
import { tierMark } from './tier-mark.ts';

/** `tierbook.io/tier` label or annotation on the workload itself: the operator's word. */
export const overrideWorkload: TierRuleSpec = {
  id: 'override-workload',
  fixed: true,
  decide: (facts, ctx) => tierMark(facts.node, ctx, `the ${facts.kind}`),
};
