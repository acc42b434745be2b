import { parseDuration } from '../../config/duration.ts';
import type { TierbookConfig } from '../../config/model.ts';
import type { Tier, TierTargets } from './model.ts';

/** What each tier holds, as in the tier table of ARCHITECTURE.md section 3. */
export const TIER_MEANINGS: Readonly<Record<Tier, string>> = {
  0: 'foundation: identity providers, secrets/PKI, storage and cluster metadata, databases other tier-0 services need',
  1: 'core databases and stateful services',
  2: 'important files and media',
  3: 'rebuildable: caches, metrics, logs',
  4: 'stateless',
};

/** The recovery targets of a tier under a configuration (parseConfig has validated the durations). */
export function tierTargets(config: TierbookConfig, tier: Tier): TierTargets {
  const { rpo, rto } = config.tiers[tier];
  return {
    tier,
    meaning: TIER_MEANINGS[tier],
    rpo,
    rto,
    rpoSeconds: parseDuration(rpo),
    rtoSeconds: parseDuration(rto),
  };
}
