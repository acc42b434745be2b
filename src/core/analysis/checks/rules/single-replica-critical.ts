import { qualifiedName } from '../../../graph/ids.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads, instanceCount } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'single-replica-critical',
  defaultSeverity: 'high',
  summary: 'a tier 0/1 stateful workload runs one instance: no standby copy to fail over to',
  docs: 'docs/rules/single-replica-critical.md',
};

const DEFAULT_FIX =
  'one pod with a ReadWriteOnce volume cannot simply scale out: move the data to a replicated service (an operator-managed database), or keep a backup within the tier RPO and a tested restore';

/**
 * One instance means one copy at the application level: a failed node, a corrupted volume or a
 * bad upgrade takes the service down with nothing to promote. The motivating outage's Authentik
 * database was such a single instance.
 */
export const singleReplicaCritical: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      // Claims only: hostPath data is node-pinned-unprotected's, and a static pod (an etcd
      // member) is one instance by design, its peers being other static pods.
      if (data.tier > 1 || data.chains.length === 0) continue;
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      const count = instanceCount(analysis.index, data.workload);
      if (!severity || count !== 1) continue;
      const claims = data.chains.map((c) => qualifiedName(c.claim)).join(', ');
      found.push(
        finding(meta, analysis.index, {
          severity,
          object: data.workload.id,
          field: data.fields.instances,
          message: `tier-${data.tier} ${describeWorkload(data.workload.id)} runs 1 instance with its data on ${claims}: a node, volume or upgrade failure leaves no standby to take over (expected at least 2 instances, or a restore within the tier RTO)`,
          fix: data.fixes.oneInstance ?? DEFAULT_FIX,
        }),
      );
    }
    return found;
  },
};
