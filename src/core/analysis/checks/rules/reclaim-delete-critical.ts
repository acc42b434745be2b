import { compare } from '../../../graph/context.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import { qualifiedName } from '../../../graph/ids.ts';
import type { GraphNode } from '../../../graph/model.ts';
import type { VolumeChain } from '../../storage-chain.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeWorkload } from '../tier-of.ts';
import { criticalVolumes } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'reclaim-delete-critical',
  defaultSeverity: 'high',
  summary: 'tier 0/1 data sits on a volume that is deleted with its claim (reclaimPolicy Delete)',
  docs: 'docs/rules/reclaim-delete-critical.md',
};

/**
 * With `Delete`, removing the claim (helm uninstall, a deleted namespace, an operator
 * recreating its cluster) deletes the volume and its data; `Retain` keeps it for recovery.
 * The PV's own policy decides; a claim not bound yet gets its class's.
 */
export const reclaimDeleteCritical: Rule = {
  meta,
  check(analysis) {
    const { index } = analysis;
    const found: Finding[] = [];
    // Looked up once: every critical volume on a Delete class asks for one.
    const retainClasses = index.graph.nodes.filter(
      (n) => n.kind === 'StorageClass' && !n.missing && n.attrs.reclaimPolicy === 'Retain',
    );
    for (const { data, chain, severity } of criticalVolumes(analysis, meta)) {
      if (chain.reclaimPolicy !== 'Delete') continue;
      const owner = `claim ${qualifiedName(chain.claim)} of tier-${data.tier} ${describeWorkload(data.workload.id)}`;
      const retain = retainClassFor(index, retainClasses, chain);
      const newVolumes = retain
        ? `for new volumes use a Retain class on the same storage, such as ${retain}`
        : 'for new volumes use a class with reclaimPolicy: Retain';
      if (chain.pv && !index.node(chain.pv)?.missing) {
        const pvName = qualifiedName(chain.pv);
        found.push(
          finding(meta, index, {
            severity,
            object: chain.pv,
            field: 'spec.persistentVolumeReclaimPolicy',
            message: `PV ${pvName} (${owner}) has reclaimPolicy Delete: deleting the claim deletes the ${chain.backend ?? 'volume'} data with it (expected Retain)`,
            fix: `kubectl patch pv ${pvName} -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'; ${newVolumes}`,
          }),
        );
      } else if (chain.storageClass && !index.node(chain.storageClass)?.missing) {
        found.push(
          finding(meta, index, {
            severity,
            object: chain.storageClass,
            field: 'reclaimPolicy',
            message: `StorageClass ${qualifiedName(chain.storageClass)} will provision ${owner} with reclaimPolicy Delete: deleting the claim deletes the data (expected Retain)`,
            fix: `${newVolumes}; after binding, patch the PV: kubectl patch pv <name> -p '{"spec":{"persistentVolumeReclaimPolicy":"Retain"}}'`,
          }),
        );
      }
    }
    return found;
  },
};

/** A Retain class storing into the same pools (or with the same provisioner), if there is one. */
function retainClassFor(
  index: GraphIndex,
  retainClasses: readonly GraphNode[],
  chain: VolumeChain,
): string | null {
  if (!chain.storageClass) return null;
  const current = index.node(chain.storageClass);
  const pools = chain.pools.join(',');
  const candidates = retainClasses
    .filter((n) => {
      const theirs = index
        .out(n.id, 'stored-in')
        .map((e) => e.to)
        .sort(compare)
        .join(',');
      return pools ? theirs === pools : n.attrs.provisioner === current?.attrs.provisioner;
    })
    .map((n) => n.name)
    .sort(compare);
  return candidates[0] ?? null;
}
