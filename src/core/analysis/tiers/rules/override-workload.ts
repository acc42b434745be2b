import { compare } from '../../../graph/context.ts';
import { qualifiedName } from '../../../graph/ids.ts';
import type { TierRuleSpec } from './rule.ts';
import { tierMark } from './tier-mark.ts';

/**
 * `tierbook.io/tier` label or annotation on the workload itself: the operator's word. When the
 * workload is an owner that was not read (an operator resource tierbook does not read), the
 * mark on what it owns and was read (its StatefulSet) is that word.
 */
export const overrideWorkload: TierRuleSpec = {
  id: 'override-workload',
  fixed: true,
  decide(facts, ctx) {
    if (!facts.node.missing) return tierMark(facts.node, ctx, `the ${facts.kind}`);
    const owned = ctx.index
      .out(facts.workload.id, 'owns')
      .map((e) => e.to)
      .sort(compare);
    for (const id of owned) {
      const child = ctx.index.node(id);
      if (!child || child.missing) continue;
      const decided = tierMark(
        child,
        ctx,
        `${child.kind} ${qualifiedName(id)}, which it owns (the ${facts.kind} itself was not read)`,
      );
      if (decided) return decided;
    }
    return null;
  },
};
