import type { Placement } from '../../../graph/backends/placement.ts';
import { qualifiedName } from '../../../graph/ids.ts';
import { compare } from '../../../order.ts';
import type { Protection } from '../../backups/model.ts';
import { copiesHostPaths, describeHostPath, hostPathNodes } from '../../host-path-data.ts';
import type { Analysis } from '../../model.ts';
import { storageOfDestination } from '../destination-storage.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta, Severity } from '../model.ts';
import { onOneNode, placementOf } from '../placement-of.ts';
import { severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads, type WorkloadData } from '../workload-data.ts';

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
 * Data in a hostPath is the same, and only a backup that copies more than volumes covers it.
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
        if (!onOneNode(analysis.index, chain)) continue;
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
            message: `claim ${qualifiedName(chain.claim)} of tier-${data.tier} ${describeWorkload(data.workload.id)} is ${storageWords(placementOf(analysis.index, chain))} ${chain.nodes.length > 0 ? `on ${nodes}` : 'on a single node'}${relevant.length > 0 ? ', and its only backups stay on that node' : ' with no backup'}: losing or reinstalling ${chain.nodes.length > 0 ? nodes : 'that node'} loses it (expected a copy off the node)`,
            fix: `back the volume up off the node (Velero fs-backup, K8up or VolSync restic to a bucket outside the cluster), or move it to replicated storage such as a Ceph class${data.tier < 3 ? '; if the data really is rebuildable, label the workload tierbook.io/tier: "3"' : '; as tier-3 data it may also be accepted as rebuilt from scratch'}`,
          }),
        );
      }
      found.push(...hostPathFindings(analysis, data, protections, severity));
    }
    return found;
  },
};

/**
 * What the volume is, from its placement: a backend whose copies are replicas (Longhorn) has
 * one left; any other one-copy volume is node-local storage.
 */
function storageWords(placement: Placement): string {
  return placement.type === 'nodes' && placement.unit === 'replica'
    ? `${placement.words} with one ${placement.unit}`
    : 'node-local storage';
}

/** One finding per host path of the workload, naming the pod when one pod holds it. */
function hostPathFindings(
  analysis: Analysis,
  data: WorkloadData,
  protections: readonly Protection[],
  severity: Severity,
): Finding[] {
  const byPath = new Map<string, WorkloadData['hostPaths'][number][]>();
  for (const d of data.hostPaths) byPath.set(d.path, [...(byPath.get(d.path) ?? []), d]);
  const found: Finding[] = [];
  for (const [path, list] of [...byPath].sort(([a], [b]) => compare(a, b))) {
    const nodes = hostPathNodes(list);
    const copies = protections.filter((p) => copiesHostPaths(analysis.index.graph, p));
    if (copies.some((p) => leavesNodes(analysis, p, nodes))) continue;
    const first = list[0] as (typeof list)[number];
    const one = list.length === 1;
    const where = nodes.length > 0 ? nodes.map(qualifiedName).join(', ') : 'whichever node its pod runs on';
    found.push(
      finding(meta, analysis.index, {
        severity,
        object: one ? first.object : data.workload.id,
        field: (one ? first.field : null) ?? data.fields.storageClass,
        message: `${one ? describeHostPath(first, data.workload.id) : `hostPath ${path}`} of tier-${data.tier} ${describeWorkload(data.workload.id)} keeps data on ${where}${protections.length > 0 ? ', and its backups copy volumes, not host paths' : ' with no backup'}: losing or reinstalling ${nodes.length > 1 ? 'any of those nodes' : 'that node'} loses it (expected a copy off the node)`,
        fix: `move the data to a PVC on replicated storage (a Ceph class) or one a backup covers; or back the directory up from the node to storage outside the cluster (for etcd: scheduled etcd snapshots copied off the node)${data.tier < 3 ? '; if the data really is rebuildable, label the workload tierbook.io/tier: "3"' : ''}`,
      }),
    );
  }
  return found;
}

function leavesNodes(analysis: Analysis, protection: Protection, nodes: readonly string[]): boolean {
  const { destination } = protection;
  if (destination.where !== 'in-cluster') return true;
  if (!destination.node) return false;
  const copy = storageOfDestination(analysis, destination.node);
  if (copy.nodes.length > 0) return !copy.nodes.some((n) => nodes.includes(n));
  return copy.pools.length > 0;
}
