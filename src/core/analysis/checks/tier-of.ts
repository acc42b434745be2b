import { qualifiedName } from '../../graph/ids.ts';
import type { Analysis } from '../model.ts';
import type { Tier } from '../tiers/model.ts';
import type { Severity } from './model.ts';
import { severityForTier } from './severity.ts';

/** Every workload has a decision; one missing is treated as tier 2 rather than silenced. */
export function tierOf(analysis: Analysis, workload: string): Tier {
  return analysis.tiers.get(workload)?.tier ?? 2;
}

/**
 * How serious a gap in shared storage (a pool, an OSD, a disk, the Ceph cluster) is: as serious
 * as for the strictest tier of the workloads keeping data there. Storage nobody uses yet is
 * judged as tier 2: worth fixing before data lands on it, not an emergency.
 */
export interface StorageSeverity {
  severity: Severity | null;
  tier: Tier | null;
  /** "holds data of tier-0 auth/authentik-db (Cluster)", or "holds no data of any workload in the inventory yet". */
  who: string;
}

export function storageSeverity(
  analysis: Analysis,
  base: Severity,
  users: readonly string[],
): StorageSeverity {
  if (users.length === 0) {
    return {
      severity: severityForTier(base, 2),
      tier: null,
      who: 'holds no data of any workload in the inventory yet',
    };
  }
  const ranked = [...users].sort((a, b) => tierOf(analysis, a) - tierOf(analysis, b));
  const first = ranked[0] as string;
  const tier = tierOf(analysis, first);
  const more = ranked.length > 1 ? ` and ${ranked.length - 1} more` : '';
  return {
    severity: severityForTier(base, tier),
    tier,
    who: `holds data of tier-${tier} ${describeWorkload(first)}${more}`,
  };
}

/** `auth/authentik-db (Cluster)`: how messages name a workload. */
export function describeWorkload(id: string): string {
  const kind = id.split('/')[1] ?? '';
  return `${qualifiedName(id)} (${kind})`;
}
