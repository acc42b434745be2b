import type { TierbookConfig } from '../../../config/model.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import type { WorkloadFacts } from '../facts.ts';
import type { InvalidTierOverride, Tier, TierRule } from '../model.ts';

/** What a workload's own rules decided, before inheritance. */
export interface OwnDecision {
  tier: Tier;
  reason: string;
  unclassifiedStateful?: true;
}

export interface RuleContext {
  index: GraphIndex;
  config: TierbookConfig;
  /** Workloads Ingresses send requests to for authentication, with the first reason why. */
  forwardAuthTargets: ReadonlyMap<string, string>;
  /** Override rules report `tierbook.io/tier` values that are not tiers here, and go on. */
  invalid: InvalidTierOverride[];
}

/** One rule of the table: decides, or returns null to let the next rule try. */
export interface TierRuleSpec {
  id: TierRule;
  /** Overrides are explicit: inheritance never raises what they decide. */
  fixed: boolean;
  decide(facts: WorkloadFacts, ctx: RuleContext): OwnDecision | null;
}
