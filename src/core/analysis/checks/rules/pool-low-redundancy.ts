import { declaredPools, num } from '../ceph-pools.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta, Severity } from '../model.ts';
import { lowerSeverity } from '../severity.ts';
import { storageFacts } from '../storage-users.ts';
import { storageSeverity } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'pool-low-redundancy',
  defaultSeverity: 'high',
  summary: 'a Ceph pool keeps too few copies (size 1 or 2, min_size 1, erasure coding with one coding chunk)',
  docs: 'docs/rules/pool-low-redundancy.md',
};

interface Gap {
  /** 0: data is lost by one failure; 1: one failure leaves no margin. */
  steps: 0 | 1;
  field: string;
  problem: string;
  fix: string;
}

/**
 * An RBD image or CephFS file spreads over every OSD its pool may use, so a pool with one copy
 * loses data when any one of those OSDs goes: the motivating outage's purge was such a loss.
 */
export const poolLowRedundancy: Rule = {
  meta,
  check(analysis) {
    const facts = storageFacts(analysis);
    const found: Finding[] = [];
    for (const pool of declaredPools(analysis.index)) {
      const gap = gapOf(pool.node.attrs, pool.base);
      if (!gap) continue;
      const rated = storageSeverity(analysis, meta.defaultSeverity, facts.usersOf(pool.node.id));
      if (!rated.severity) continue;
      const severity: Severity = lowerSeverity(rated.severity, gap.steps);
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: pool.object,
          field: gap.field,
          message: `${pool.label} ${gap.problem}; it ${rated.who}`,
          fix: gap.fix,
        }),
      );
    }
    return found;
  },
};

function gapOf(attrs: Record<string, unknown>, base: string): Gap | null {
  const size = num(attrs.size) ?? 3;
  const minSize = num(attrs.minSize);
  if (attrs.type === 'erasure') {
    const k = num(attrs.dataChunks) ?? 0;
    const m = num(attrs.codingChunks) ?? 0;
    if (m >= 2) return null;
    return {
      steps: m === 0 ? 0 : 1,
      field: `${base}.erasureCoded.codingChunks`,
      problem: `is erasure-coded ${k}+${m}: it survives ${m} lost chunk${m === 1 ? '' : 's'}, and with Ceph's default min_size k+1 = ${k + 1} it stops serving while one OSD or host is down (expected codingChunks ≥ 2)`,
      fix: `an erasure profile cannot change in place: create a pool with erasureCoded.codingChunks: 2 (and at least ${k + 2} hosts), move the volumes to a class using it, then delete this pool`,
    };
  }
  if (size <= 1) {
    return {
      steps: 0,
      field: `${base}.replicated.size`,
      problem: `keeps ${size} copy: losing any one OSD it may use loses data (expected size 3)`,
      fix: `set ${base}.replicated.size: 3 (and requireSafeReplicaSize: true), with at least 3 hosts holding OSDs of its device class; Ceph copies the data to the new replicas, watch \`ceph -s\` until active+clean`,
    };
  }
  if (size === 2) {
    return {
      steps: 1,
      field: `${base}.replicated.size`,
      problem: `keeps 2 copies: while one is down, writes land on a single copy (Ceph's default min_size for size 2 is 1), and a second failure loses data (expected size 3)`,
      fix: `set ${base}.replicated.size: 3, with at least 3 hosts holding OSDs of its device class`,
    };
  }
  if (minSize !== null && minSize <= 1) {
    return {
      steps: 1,
      field: `${base}.parameters.min_size`,
      problem: `has min_size ${minSize}: Ceph acknowledges writes held by a single copy, which one more failure loses (expected min_size ${size - Math.floor(size / 2)})`,
      fix: `remove ${base}.parameters.min_size (Ceph then uses size - floor(size/2) = ${size - Math.floor(size / 2)})`,
    };
  }
  return null;
}
