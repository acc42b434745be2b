import type { Tier } from '../tier.ts';

/** tierbook.config.yaml, validated. Every field is optional in the file; defaults fill the rest. */
export interface TierbookConfig {
  /** Recovery targets per tier, as durations ("15m", "1h", "24h", "best-effort", "none"). */
  tiers: Record<Tier, { rpo: string; rto: string }>;
  /** Extra classification rules, tried before the built-in operator/image/label rules. */
  rules: TierRuleConfig[];
  /** Fixed tiers by workload: "namespace/Kind/name" or "namespace/name". */
  overrides: { workload: string; tier: Tier; reason: string }[];
  /** Extra identity-provider image or workload name patterns (tier 0). */
  identityProviders: string[];
  /** Backup destinations known to live outside (or inside) the cluster's blast radius. */
  backupTargets: { match: string; where: 'in-cluster' | 'outside' }[];
  /** Findings accepted on purpose (rule, object, reason, who, until). */
  accept: AcceptConfig[];
}

export interface AcceptConfig {
  rule: string;
  /** `namespace/Kind/name`, or `Kind/name` when cluster-scoped. */
  object: string;
  reason: string;
  who: string | null;
  /** ISO date or time; null: never ends. */
  until: string | null;
}

export interface TierRuleConfig {
  /** Match on image (substring), namespace, name or label "key=value"; all given must match. */
  match: { image?: string; namespace?: string; name?: string; label?: string };
  tier: Tier;
  reason: string;
}
