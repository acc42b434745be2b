import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { resolveServiceHost } from '../service-refs.ts';
import { markBackend, type StorageBackend } from './backend.ts';

const NFS_CSI = 'nfs.csi.k8s.io';
const SUBDIR = /nfs-subdir-external-provisioner|nfs-client-provisioner/;

export function nfsServerId(server: string): string {
  return nodeId('tierbook.io', 'NFSServer', undefined, server);
}

/**
 * NFS: in-tree `spec.nfs`, csi-driver-nfs (`server`/`share`) and nfs-subdir provisioners. The
 * server is an external dependency outside the cluster's failure domains, unless its address
 * is a cluster Service, in which case that Service's workload serves the data.
 */
export const nfs: StorageBackend = {
  name: 'nfs',
  // Only core kinds: the PersistentVolume and its StorageClass.
  reads: [],
  extract(ctx) {
    for (const sc of ctx.index.ofKind('storage.k8s.io', 'StorageClass')) {
      const provisioner = sc.string('provisioner') ?? '';
      if (provisioner !== NFS_CSI && !SUBDIR.test(provisioner)) continue;
      markBackend(ctx, idOf(sc), 'nfs');
      const server = sc.string('parameters.server');
      if (server) linkServer(ctx, sc, server, sc.string('parameters.share') ?? '/', 'parameters.server');
    }
    for (const pv of ctx.index.ofKind('', 'PersistentVolume')) {
      const inTree = pv.string('spec.nfs.server');
      if (inTree) {
        markBackend(ctx, idOf(pv), 'nfs');
        linkServer(ctx, pv, inTree, pv.string('spec.nfs.path') ?? '/', 'spec.nfs.server');
      } else if (pv.string('spec.csi.driver') === NFS_CSI) {
        markBackend(ctx, idOf(pv), 'nfs');
        const server = pv.string('spec.csi.volumeAttributes.server');
        if (server)
          linkServer(
            ctx,
            pv,
            server,
            pv.string('spec.csi.volumeAttributes.share') ?? '/',
            'spec.csi.volumeAttributes.server',
          );
      }
    }
  },
  // The export lives on its server: outside the cluster, or an in-cluster Service whose
  // workload's own storage (a dependency) decides.
  placement: (volume) =>
    volume.backend === 'nfs' ? { type: 'outside', words: 'an NFS export', assumptions: [] } : null,
};

function linkServer(
  ctx: BuildContext,
  reader: FieldReader,
  server: string,
  path: string,
  field: string,
): void {
  const id = idOf(reader);
  ctx.setAttrs(id, { nfsServer: server, nfsPath: path });
  const namespace = reader.object.metadata.namespace ?? reader.string('spec.claimRef.namespace') ?? '';
  const service = resolveServiceHost(ctx, server.toLowerCase(), namespace, false);
  if (service) {
    ctx.edge({
      from: id,
      to: service,
      type: 'served-by',
      source: reader,
      field,
      why: `NFS export ${server}:${path} is served in-cluster by Service ${qualifiedName(service)}`,
    });
    return;
  }
  const to = nfsServerId(server);
  ctx.node(to, { derived: true });
  ctx.setAttrs(to, { external: true });
  ctx.edge({
    from: id,
    to,
    type: 'served-by',
    source: reader,
    field,
    why: `NFS export ${server}:${path}, outside the cluster`,
  });
}
