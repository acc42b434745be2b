import type { Analysis } from '../analysis/model.ts';
import type { Graph, GraphNode } from '../graph/model.ts';
import type { GuardStep } from './model.ts';

/**
 * `tierbook guard --diff BASE..HEAD`: a manifest change as destructive steps, judged on the
 * BASE inventory (the cluster as it is before the change is applied). What a GitOps controller
 * would do when HEAD lands: claims and pools it prunes lose their data, workloads it prunes go
 * down, a device dropped from a CephCluster and a pool's size lowered are reviewed, and a backup
 * that no longer exists is reviewed with what it protected.
 */
export function manifestDiffSteps(spec: string, base: Analysis, head: Graph): GuardStep[] {
  const present = (n: GraphNode) => !n.missing || typeof n.attrs.modelled === 'string';
  const headById = new Map(head.nodes.filter(present).map((n) => [n.id, n]));
  const baseNodes = base.index.graph.nodes.filter(present);
  const gone = (n: GraphNode) => !headById.has(n.id);
  const step = (rule: string, what: string, partial: Partial<GuardStep>): GuardStep => ({
    rule,
    command: `${spec}: ${what}`,
    targets: [],
    unknown: [],
    review: [],
    notes: [],
    runbook: null,
    ...partial,
  });
  const steps: GuardStep[] = [];
  for (const n of baseNodes.filter(gone)) {
    const name = n.namespace ? `${n.namespace}/${n.name}` : n.name;
    if (n.group === '' && n.kind === 'PersistentVolumeClaim')
      steps.push(
        step('diff-claim-removed', `PVC ${name} removed`, {
          targets: [{ target: `pvc/${name}`, effect: 'lost' }],
        }),
      );
    else if ((n.kind === 'CephBlockPool' || n.kind === 'CephFilesystemPool') && n.group === 'ceph.rook.io')
      steps.push(
        step('diff-pool-removed', `pool ${name} removed`, {
          targets: [{ target: `pool/${name}`, effect: 'lost' }],
        }),
      );
    else if (n.group === 'tierbook.io' && n.kind === 'Disk' && typeof n.attrs.configuredIn === 'string')
      steps.push(
        step(
          'diff-device-removed',
          `device ${String(n.attrs.path)} on ${String(n.attrs.node)} removed from the CephCluster`,
          {
            targets: [{ target: `device/${n.name}`, effect: 'lost' }],
            notes: [
              'Rook stops using a removed device; its OSD is purged next (by hand or removeOSDsIfOutAndSafeToRemove)',
            ],
            runbook: `tierbook runbook osd-remove device/${n.name}`,
          },
        ),
      );
    else if (n.group === 'storage.k8s.io' && n.kind === 'StorageClass')
      steps.push(
        step('diff-class-removed', `StorageClass ${name} removed`, {
          review: [`StorageClass ${name} removed: new claims through it cannot be provisioned`],
        }),
      );
    else if (base.workloadById.has(n.id))
      steps.push(
        step('diff-workload-removed', `${n.kind} ${name} removed`, {
          targets: [{ target: `workload/${n.namespace}/${n.kind}/${n.name}`, effect: 'down' }],
        }),
      );
    const protects = base.index.out(n.id, 'protects');
    if (protects.length > 0)
      steps.push(
        step('diff-backup-removed', `${n.kind} ${name} removed`, {
          review: [
            `the backup ${n.kind} ${name} is removed: it protected ${[...new Set(protects.map((e) => e.to.split('/').slice(2).join('/')))].join(', ')}`,
          ],
        }),
      );
  }
  for (const n of baseNodes.filter((x) => x.group === 'ceph.rook.io' && x.kind === 'CephBlockPool')) {
    const after = headById.get(n.id);
    const [was, now] = [n.attrs.size, after?.attrs.size];
    if (typeof was === 'number' && typeof now === 'number' && now < was)
      steps.push(
        step('diff-pool-size-lowered', `pool ${n.namespace}/${n.name} size ${was} → ${now}`, {
          review: [
            `lowers pool ${n.namespace}/${n.name} from ${was} to ${now} copies: tierbook blast pool/${n.namespace}/${n.name} shows what lives there`,
          ],
        }),
      );
  }
  return steps;
}
