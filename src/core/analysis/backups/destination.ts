import type { TierbookConfig } from '../../config/model.ts';
import { snapshotsKeptBy } from '../../graph/backends/volume-placement.ts';
import type { ProtectionAttr } from '../../graph/backups/adapter.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { qualifiedName } from '../../graph/ids.ts';
import { volumeChain } from '../storage-chain.ts';
import type { BackupDestination } from './model.ts';

const IN_CLUSTER_KINDS = new Set(['Service', 'PersistentVolumeClaim', 'CSIDriver', 'StorageClass', 'Node']);

/**
 * Where a policy's copy lives: from its `stores-to` edge (an in-cluster Service, a PVC, a CSI
 * driver, or an outside BackupTarget), or for a snapshot kept on the volume's own storage,
 * that storage (its Ceph pool when there is one). `tierbook.config.yaml` `backupTargets` win.
 */
export function destinationOf(
  index: GraphIndex,
  policy: string,
  attr: ProtectionAttr,
  covers: readonly string[],
  config: TierbookConfig,
): BackupDestination {
  const found = attr.onVolumeStorage
    ? onVolumeStorage(index, policy, covers)
    : fromEdges(index, policy, attr);
  const host = found.node ? index.node(found.node)?.attrs.host : undefined;
  const haystack = [attr.url, typeof host === 'string' ? host : null, attr.repositorySecret].filter(
    (s): s is string => Boolean(s),
  );
  const hint = config.backupTargets.find((t) => t.match && haystack.some((s) => s.includes(t.match)));
  if (!hint) return found;
  return {
    ...found,
    where: hint.where,
    why: `tierbook.config.yaml backupTargets: "${hint.match}" is ${hint.where} (${found.why})`,
  };
}

function fromEdges(index: GraphIndex, policy: string, attr: ProtectionAttr): BackupDestination {
  const edge = index.out(policy, 'stores-to')[0];
  if (!edge) {
    const why = attr.repositorySecret
      ? `the repository address is in Secret ${attr.repositorySecret}, which tierbook never reads`
      : 'the API does not say where the copy goes';
    return { where: 'unknown', node: null, url: attr.url, why };
  }
  const target = index.node(edge.to);
  if (target?.kind === 'BackupTarget') return { where: 'outside', node: null, url: attr.url, why: edge.why };
  if (target && IN_CLUSTER_KINDS.has(target.kind))
    return { where: 'in-cluster', node: edge.to, url: attr.url, why: edge.why };
  return { where: 'unknown', node: edge.to, url: attr.url, why: edge.why };
}

function onVolumeStorage(index: GraphIndex, policy: string, covers: readonly string[]): BackupDestination {
  const chains = covers.map((claim) => volumeChain(index, claim));
  for (const { backend } of chains) {
    const keeper = backend ? snapshotsKeptBy(index, backend) : null;
    if (keeper)
      return {
        where: 'outside',
        node: null,
        url: null,
        why: `${backend} snapshots are kept by ${keeper}, outside the cluster`,
      };
  }
  const pool = chains.flatMap((c) => c.pools)[0];
  if (pool)
    return {
      where: 'in-cluster',
      node: pool,
      url: null,
      why: `a snapshot lives on the same storage as its volume: pool ${qualifiedName(pool)}`,
    };
  const driver =
    index.out(policy, 'stores-to')[0]?.to ?? chains.map((c) => c.storageClass).find(Boolean) ?? null;
  return {
    where: 'in-cluster',
    node: driver,
    url: null,
    why: `a snapshot lives on the same storage as its volume${driver ? ` (${qualifiedName(driver)})` : ''}`,
  };
}
