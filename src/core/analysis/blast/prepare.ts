import { volumePlacement } from '../../graph/backends/volume-placement.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { hostPathDataOf } from '../host-path-data.ts';
import type { Analysis } from '../model.ts';
import { claimsOf, volumeChain } from '../storage-chain.ts';
import type { BlastParts, ClaimStorage, WorkloadShape } from './context.ts';
import { instancesOf } from './instances.ts';

/**
 * Everything a blast query reads that does not depend on the target (context.ts), made from
 * the analysis and its graph: each workload's claims, instances, pods and hostPath data, each
 * claim's storage and placement (asked of every storage backend), and the OSDs' owners.
 * `analyze()` defers it to the first query; a saved context (guard-context.json) holds it made.
 */
export function prepareBlast(analysis: Analysis): BlastParts {
  const { index } = analysis;
  const ownerOf = new Map<string, string>();
  const shapes = new Map<string, WorkloadShape>();
  const claims = new Map<string, ClaimStorage>();
  for (const workload of analysis.workloads) {
    for (const id of [workload.id, ...workload.members]) ownerOf.set(id, workload.id);
    const workloadClaims = claimsOf(index, workload);
    for (const claim of workloadClaims) if (!claims.has(claim)) claims.set(claim, claimStorage(index, claim));
    // A bare Pod is its own workload and its own pod.
    const pods = [workload.id, ...workload.members]
      .filter((id) => index.node(id)?.kind === 'Pod' && index.node(id)?.group === '')
      .map((id) => ({ id, node: index.out(id, 'scheduled-on')[0]?.to ?? null }));
    shapes.set(workload.id, {
      id: workload.id,
      claims: workloadClaims,
      instances: instancesOf(index, workload, workloadClaims),
      pods,
      hostPaths: hostPathDataOf(index, workload),
    });
  }
  const osdsOf = new Map<string, number>();
  const deploymentOwners = new Map<string, string>();
  for (const node of index.graph.nodes) {
    if (typeof node.attrs.deployment !== 'string') continue;
    const owner = ownerOf.get(node.attrs.deployment);
    if (!owner) continue;
    deploymentOwners.set(node.attrs.deployment, owner);
    if (node.kind === 'OSD') osdsOf.set(owner, (osdsOf.get(owner) ?? 0) + 1);
  }
  return { shapes, claims, osdsOf, deploymentOwners };
}

function claimStorage(index: GraphIndex, claim: string): ClaimStorage {
  const chain = volumeChain(index, claim);
  return {
    claim,
    pv: chain.pv,
    storageClass: chain.storageClass,
    backend: chain.backend,
    placement: volumePlacement(index, chain),
    unknownPlacement: unknownPlacement(index, claim, chain.pv),
  };
}

function unknownPlacement(index: GraphIndex, claim: string, pv: string | null): string | null {
  const attrs = index.node(claim)?.attrs;
  if (pv || attrs?.classFrom !== 'unresolved') return null;
  return typeof attrs.unresolvedClass === 'string'
    ? `its storageClassName is ${attrs.unresolvedClass}, an unresolved variable`
    : 'its name is an unresolved variable';
}
