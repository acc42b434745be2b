import type { GraphNode } from '../../../graph/model.ts';
import { recordOf } from '../facts.ts';
import { tierOf } from '../tier-value.ts';
import type { OwnDecision, RuleContext } from './rule.ts';

export const TIER_KEY = 'tierbook.io/tier';

/**
 * `tierbook.io/tier` on an object: the label first, then the annotation. A value that is not
 * 0..4 is not fatal (one bad label must not stop the inventory): it is reported in
 * `ctx.invalid` and the next place, or the next rule, decides.
 */
export function tierMark(node: GraphNode, ctx: RuleContext, on: string): OwnDecision | null {
  for (const where of ['labels', 'annotations'] as const) {
    const value = recordOf(node.attrs[where])[TIER_KEY];
    if (value === undefined) continue;
    const tier = tierOf(value);
    if (tier !== null) {
      return {
        tier,
        reason: `${where === 'labels' ? 'label' : 'annotation'} ${TIER_KEY}: "${value}" on ${on}`,
      };
    }
    ctx.invalid.push({ object: node.id, field: `metadata.${where}["${TIER_KEY}"]`, value });
  }
  return null;
}
