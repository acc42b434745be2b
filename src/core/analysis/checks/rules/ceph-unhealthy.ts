import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { lowerSeverity } from '../severity.ts';
import { storageFacts } from '../storage-users.ts';
import { storageSeverity } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'ceph-unhealthy',
  defaultSeverity: 'high',
  summary: 'the Ceph cluster does not report HEALTH_OK: redundancy may already be spent',
  docs: 'docs/rules/ceph-unhealthy.md',
};

/**
 * A cluster in HEALTH_WARN may already be running on fewer copies (an OSD down, PGs degraded):
 * the routine step that would be safe on a healthy cluster (drain, purge, reboot) is then the
 * one that loses data. HEALTH_ERR is high; HEALTH_WARN one step lower.
 */
export const cephUnhealthy: Rule = {
  meta,
  check(analysis) {
    const facts = storageFacts(analysis);
    const found: Finding[] = [];
    for (const node of analysis.index.graph.nodes) {
      if (node.kind !== 'CephCluster' || node.missing) continue;
      const health = node.attrs.health;
      if (typeof health !== 'string' || health === 'HEALTH_OK') continue;
      const rated = storageSeverity(analysis, meta.defaultSeverity, facts.usersOf(node.id));
      if (!rated.severity) continue;
      found.push(
        finding(meta, analysis.index, {
          severity: health === 'HEALTH_ERR' ? rated.severity : lowerSeverity(rated.severity),
          object: node.id,
          field: 'status.ceph.health',
          message: `Ceph reports ${health} (expected HEALTH_OK)${typeof node.attrs.phase === 'string' ? `, phase ${node.attrs.phase}` : ''}; until it is healthy, taking down an OSD, host or disk may remove the last good copy; the cluster ${rated.who}`,
          fix: 'run `ceph health detail` (rook-ceph-tools) and resolve each check; do not drain, purge or reboot storage nodes until `ceph -s` shows HEALTH_OK and all PGs active+clean',
        }),
      );
    }
    return found;
  },
};
