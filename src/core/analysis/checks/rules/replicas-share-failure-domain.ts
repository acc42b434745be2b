import { compare } from '../../../graph/context.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import { qualifiedName } from '../../../graph/ids.ts';
import type { VolumeChain } from '../../storage-chain.ts';
import { num, poolName } from '../ceph-pools.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { onOneNode } from '../placement-of.ts';
import { lowerSeverity, severityForTier } from '../severity.ts';
import { describeWorkload } from '../tier-of.ts';
import { dataWorkloads, instancesOf } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'replicas-share-failure-domain',
  defaultSeverity: 'high',
  summary: "a workload's replicas keep their data (or run) where one failure takes them all",
  docs: 'docs/rules/replicas-share-failure-domain.md',
};

/**
 * Application replicas (Galera members, PostgreSQL standbys) only help if their copies fail
 * independently. They do not when every replica's volume is lost with the same thing: a node
 * holding node-local volumes, any OSD of a one-copy Ceph pool (each image spreads over all of
 * them), one NFS server. Pods that all run on one node are down together (one step lower).
 */
export const replicasShareFailureDomain: Rule = {
  meta,
  check(analysis) {
    const { index } = analysis;
    const found: Finding[] = [];
    for (const data of dataWorkloads(analysis)) {
      const instances = instancesOf(index, data.workload);
      if (instances.length < 2) continue;
      const severity = severityForTier(meta.defaultSeverity, data.tier);
      if (!severity) continue;
      const chainOf = new Map(data.chains.map((c) => [c.claim, c]));
      const perInstance = instances.map((i) => {
        const points = new Map<string, string>();
        for (const claim of i.claims) {
          const chain = chainOf.get(claim);
          if (chain) for (const [id, why] of lossPoints(index, chain)) points.set(id, why);
        }
        return points;
      });
      const first = perInstance[0] ?? new Map<string, string>();
      const shared = [...first.keys()].filter((id) => perInstance.every((p) => p.has(id))).sort(compare);
      const who = `tier-${data.tier} ${describeWorkload(data.workload.id)}`;
      if (shared.length > 0) {
        const names = shared.map((id) => labelOf(index, id));
        const listed =
          names.length > 6
            ? `${names.slice(0, 6).join(', ')} and ${names.length - 6} more`
            : names.join(', ');
        const reasons = [...new Set(shared.map((id) => first.get(id) as string))].sort(compare).join('; ');
        found.push(
          finding(meta, index, {
            severity,
            object: data.workload.id,
            field: data.fields.storageClass,
            message: `${instances.length === 2 ? 'both' : `all ${instances.length}`} instances of ${who} lose their data with any one of: ${listed} (${reasons}); the replicas add no data safety (expected each replica's volume in a separate failure domain)`,
            fix: `give the replicas storage that fails independently: a Ceph class whose pool keeps 3 copies across hosts, or node-local volumes on different nodes (pod anti-affinity on ${data.fields.affinity}); then recreate the replicas one at a time, letting each resync`,
          }),
        );
        continue;
      }
      const nodes = new Set(instances.map((i) => i.node));
      const only = [...nodes][0];
      if (nodes.size === 1 && only) {
        found.push(
          finding(meta, index, {
            severity: lowerSeverity(severity),
            object: data.workload.id,
            field: data.fields.affinity,
            message: `${instances.length === 2 ? 'both' : `all ${instances.length}`} instances of ${who} run on node ${qualifiedName(only)}: draining or losing it takes every replica down at once (expected replicas on different nodes)`,
            fix: `add a required pod anti-affinity on kubernetes.io/hostname (${data.fields.affinity}), then delete one pod at a time so they reschedule apart`,
          }),
        );
      }
    }
    return found;
  },
};

/** What a volume is lost with, each with the reason, keyed by graph id. */
function lossPoints(index: GraphIndex, chain: VolumeChain): Map<string, string> {
  const points = new Map<string, string>();
  if (onOneNode(index, chain)) {
    for (const node of chain.nodes) points.set(node, `${chain.backend} volumes live on one node`);
  }
  for (const pool of chain.pools) {
    const poolNode = index.node(pool);
    const attrs = poolNode?.attrs ?? {};
    const oneCopy =
      attrs.type === 'erasure' ? (num(attrs.codingChunks) ?? 0) === 0 : (num(attrs.size) ?? 3) <= 1;
    if (!oneCopy) continue;
    const name = poolNode ? poolName(poolNode) : pool;
    for (const edge of index.out(pool, 'placed-on')) points.set(edge.to, `pool ${name} keeps 1 copy`);
  }
  for (const server of chain.servedBy) points.set(server, 'one NFS server holds every copy');
  return points;
}

function labelOf(index: GraphIndex, id: string): string {
  const node = index.node(id);
  if (node?.kind === 'OSD')
    return `osd.${node.name}${typeof node.attrs.node === 'string' ? ` (${node.attrs.node})` : ''}`;
  if (node?.kind === 'Node') return `node ${node.name}`;
  return qualifiedName(id);
}
