/**
 * Data tiers (ARCHITECTURE.md section 3): 0 foundation … 4 stateless. Every decision keeps the
 * rule that made it and a reason an operator can check.
 */
import type { Tier } from '../../tier.ts';

export { TIERS, type Tier } from '../../tier.ts';

/** Which rule decided, in the order they are tried. `inherited` = raised by a dependent. */
export type TierRule =
  | 'override-workload'
  | 'override-namespace'
  | 'override-config'
  | 'config-rule'
  | 'operator'
  | 'image'
  | 'forward-auth'
  | 'labels'
  | 'volumes'
  | 'inherited';

export interface TierDecision {
  workload: string;
  tier: Tier;
  rule: TierRule;
  /** One sentence: "image ghcr.io/goauthentik/server is an identity provider". */
  reason: string;
  /** What the workload's own rules said, before inheritance raised it (absent if not raised). */
  own?: { tier: Tier; rule: TierRule; reason: string };
  /** The dependent that raised it, and the chain of workload ids from it down to this one. */
  inheritedFrom?: { workload: string; path: string[] };
  /**
   * Set when the workload's own rules found only that it keeps data (PVCs, hostPath, NFS) and
   * nothing said what the data is: the `volumes` fallback to tier 2. Kept when inheritance
   * raises the tier, since it still says nothing about what the data is (`unclassified-stateful`).
   */
  unclassifiedStateful?: true;
  /** `tierbook.io/tier` values that are not 0..4, on the workload or its namespace: ignored. */
  invalidOverrides?: InvalidTierOverride[];
}

/** A `tierbook.io/tier` label or annotation that is not a tier ("high", "7"): ignored, reported. */
export interface InvalidTierOverride {
  /** Node id of the object carrying it (the workload or its Namespace). */
  object: string;
  /** `metadata.labels["tierbook.io/tier"]` or `metadata.annotations["tierbook.io/tier"]`. */
  field: string;
  value: string;
}

/** Recovery targets of a tier. `null` seconds = none / best effort. */
export interface TierTargets {
  tier: Tier;
  meaning: string;
  rpo: string;
  rto: string;
  rpoSeconds: number | null;
  rtoSeconds: number | null;
}

/** workload id → decision; every workload of the inventory has one. */
export type TierMap = ReadonlyMap<string, TierDecision>;
