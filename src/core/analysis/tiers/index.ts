export { classifyTiers } from './classify.ts';
export { KNOWN_IMAGES } from './known-images.ts';
export type { InvalidTierOverride, Tier, TierDecision, TierMap, TierRule, TierTargets } from './model.ts';
export { TIERS } from './model.ts';
export { TIER_RULES } from './rules/index.ts';
export { TIER_MEANINGS, tierTargets } from './targets.ts';
export { tierOf } from './tier-value.ts';
