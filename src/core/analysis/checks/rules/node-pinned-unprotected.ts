import { qualifiedName } from '../../../graph/ids.ts';
import type { Protection } from '../../backups/model.ts';
import type { Analysis } from '../../model.ts';
import { storageOfDestination } from '../destination-storage.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'node-pinned-unprotected',
  defaultSeverity: 'high',
  summary: 'data on one node (local-path, hostPath, local PV) has no copy off that node',
  docs: 'docs/rules/node-pinned-unprotected.md',
};

/**
 * A local-path directory or `local` PV exists on one node only: a dead disk, a reinstall or a
 * node replaced by automation takes it with no second copy. A backup counts unless it is known
 * to sit on that same node; a destination the API does not show is given the benefit of doubt.
 */
export const nodePinnedUnprotected: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (!severity) continue;
      const protections = analysis.protections.get(data.workload.id) ?? [];
      for (const chain of data.chains) {
        if (chain.backend !== 'node-local') continue;
        const relevant = protections.filter((p) => p.covers.length === 0 || p.covers.includes(chain.claim));
        if (relevant.some((p) => leavesNodes(analysis, p, chain.nodes))) continue;
        // Not bound yet (or the PV not read): it will live on whichever node the pod lands on.
        const nodes = chain.nodes.length > 0 ? chain.nodes.map(qualifiedName).join(', ') : 'one node';
        const pv = chain.pv && !analysis.index.node(chain.pv)?.missing ? chain.pv : null;
        found.push(
          finding(meta, analysis.index, {
            severity,
            object: pv ?? chain.claim,
            field: pv ? 'spec.nodeAffinity' : 'spec.storageClassName',
            message: `claim ${qualifiedName(chain.claim)} of tier-${data.tier} ${describeWorkload(data.workload.id)} is node-local storage ${chain.nodes.length > 0 ? `on ${nodes}` : 'on a single node'}${relevant.length > 0 ? ', and its only backups stay on that node' : ' with no backup'}: losing or reinstalling ${chain.nodes.length > 0 ? nodes : 'that node'} loses it (expected a copy off the node)`,
            fix: `back the volume up off the node (Velero fs-backup, K8up or VolSync restic to a bucket outside the cluster), or move it to replicated storage such as a Ceph class${data.tier < 3 ? '; if the data really is rebuildable, label the workload tierbook.io/tier: "3"' : '; as tier-3 data it may also be accepted as rebuilt from scratch'}`,
          }),
        );
      }
    }
    return found;
  },
};

function leavesNodes(analysis: Analysis, protection: Protection, nodes: readonly string[]): boolean {
  const { destination } = protection;
  if (destination.where !== 'in-cluster') return true;
  if (!destination.node) return false;
  const copy = storageOfDestination(analysis, destination.node);
  if (copy.nodes.length > 0) return !copy.nodes.some((n) => nodes.includes(n));
  return copy.pools.length > 0;
}
