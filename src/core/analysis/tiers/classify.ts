import type { TierbookConfig } from '../../config/model.ts';
import { compare } from '../../graph/context.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import type { Dependency } from '../dependencies.ts';
import type { Workload } from '../workloads.ts';
import { gatherFacts } from './facts.ts';
import { inheritTiers } from './inherit.ts';
import type { InvalidTierOverride, TierDecision, TierMap, TierRule } from './model.ts';
import { TIER_RULES } from './rules/index.ts';
import type { OwnDecision, RuleContext } from './rules/rule.ts';

/**
 * Every workload's data tier (ARCHITECTURE.md section 3): its own rules in order (TIER_RULES),
 * then inheritance from what depends on it (inherit.ts). Pure and deterministic; never throws
 * on cluster content: a bad `tierbook.io/tier` value is recorded in the decision and skipped.
 */
export function classifyTiers(
  index: GraphIndex,
  workloads: readonly Workload[],
  dependencies: ReadonlyMap<string, readonly Dependency[]>,
  config: TierbookConfig,
): TierMap {
  const forwardAuthTargets = forwardAuthTargetsOf(dependencies);
  const own = new Map<
    string,
    OwnDecision & { rule: TierRule; fixed: boolean; invalid: InvalidTierOverride[] }
  >();
  for (const workload of [...workloads].sort((a, b) => compare(a.id, b.id))) {
    const facts = gatherFacts(index, workload);
    const ctx: RuleContext = { index, config, forwardAuthTargets, invalid: [] };
    for (const rule of TIER_RULES) {
      const decided = rule.decide(facts, ctx);
      if (!decided) continue;
      own.set(workload.id, { ...decided, rule: rule.id, fixed: rule.fixed, invalid: ctx.invalid });
      break;
    }
  }
  const raised = inheritTiers(own, dependencies);
  const tiers = new Map<string, TierDecision>();
  for (const [id, mine] of own) {
    const ignored = mine.invalid.map(
      (bad) => `; ignored ${bad.field} "${bad.value}" on ${describeObject(bad.object)}: not a tier 0 to 4`,
    );
    const ownReason = `${mine.reason}${ignored.join('')}`;
    const up = raised.get(id);
    const decision: TierDecision = up
      ? {
          workload: id,
          tier: up.tier,
          rule: 'inherited',
          reason: up.reason,
          own: { tier: mine.tier, rule: mine.rule, reason: ownReason },
          inheritedFrom: { workload: up.path[0] as string, path: up.path },
        }
      : { workload: id, tier: mine.tier, rule: mine.rule, reason: ownReason };
    if (mine.unclassifiedStateful) decision.unclassifiedStateful = true;
    if (mine.invalid.length > 0) decision.invalidOverrides = mine.invalid;
    tiers.set(id, decision);
  }
  return tiers;
}

/**
 * Every workload some Ingress authenticates through or some app signs in through (an OIDC
 * issuer), with the first (smallest) dependent's reason.
 */
function forwardAuthTargetsOf(dependencies: ReadonlyMap<string, readonly Dependency[]>): Map<string, string> {
  const targets = new Map<string, string>();
  for (const from of [...dependencies.keys()].sort(compare)) {
    for (const dep of dependencies.get(from) ?? []) {
      if (targets.has(dep.workload)) continue;
      if (dep.via === 'forward-auth') targets.set(dep.workload, dep.why.join('; '));
      // A sign-in edge's why starts at a container: say whose.
      if (dep.via === 'sign-in') targets.set(dep.workload, `${describeObject(from)}: ${dep.why.join('; ')}`);
    }
  }
  return targets;
}

function describeObject(id: string): string {
  const kind = id.split('/')[1];
  return kind === 'Namespace' ? `namespace ${qualifiedName(id)}` : `${kind} ${qualifiedName(id)}`;
}
