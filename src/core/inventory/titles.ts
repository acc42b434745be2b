import type { GraphNode } from '../graph/model.ts';

/** How a node is named for people: `Kind namespace/name`, `osd.3`, `disk k8s-2:/dev/sdc`. */
export function titleOf(node: GraphNode): string {
  if (node.kind === 'OSD') return `osd.${node.name}`;
  if (node.kind === 'Disk') {
    const slash = node.name.indexOf('/');
    return `disk ${node.name.slice(0, slash)}:${node.name.slice(slash)}`;
  }
  if (node.kind === 'NFSServer') return `NFS server ${node.name}`;
  if (node.kind === 'Zone') return `zone ${node.name}`;
  if (node.kind === 'CephBlockPool' || node.kind === 'CephFilesystemPool')
    return `pool ${node.namespace}/${node.name}`;
  return `${node.kind} ${node.namespace ? `${node.namespace}/` : ''}${node.name}`;
}
