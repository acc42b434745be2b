import type { Analysis } from '../../src/core/analysis/model.ts';

/**
 * The guard's command table on every name the inventory holds (each OSD, disk, claim, volume,
 * RBD image, pool, node and workload), as commands.
 */
export function commandsFor(full: Analysis): [string, string | null][] {
  const commands: [string, string | null][] = [];
  for (const n of full.index.graph.nodes) {
    if (n.missing) continue;
    const at = `-n ${n.namespace} ${n.name}`;
    if (n.kind === 'OSD') commands.push([`ceph osd purge ${n.name} --yes-i-really-mean-it`, null]);
    if (n.kind === 'OSD') commands.push([`ceph osd out ${n.name}`, null]);
    if (n.kind === 'Disk') commands.push([`wipefs -a ${String(n.attrs.path)}`, String(n.attrs.node)]);
    if (n.kind === 'Disk')
      commands.push([`sgdisk --zap-all ${String(n.attrs.path).split('/').pop()}`, String(n.attrs.node)]);
    if (n.kind === 'Node') commands.push([`kubectl drain ${n.name}`, null], [`wipefs -a /dev/sdb`, n.name]);
    if (n.kind === 'PersistentVolumeClaim') commands.push([`kubectl delete pvc ${at}`, null]);
    if (n.kind === 'PersistentVolume') commands.push([`kubectl delete pv ${n.name}`, null]);
    if (n.kind === 'PersistentVolume' && typeof n.attrs.image === 'string')
      commands.push([`rbd rm ${n.attrs.image}`, null]);
    if (n.kind === 'PersistentVolume')
      commands.push([
        `kubectl patch pv ${n.name} -p '{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}'`,
        null,
      ]);
    if (n.kind === 'CephBlockPool')
      commands.push([`ceph osd pool delete ${n.name} ${n.name} --yes-i-really-really-mean-it`, null]);
    if (n.kind === 'Namespace' || n.kind === 'CephCluster')
      commands.push([`kubectl delete namespace ${n.namespace || n.name}`, null]);
  }
  for (const w of full.workloads) {
    const at = `-n ${w.node.namespace} ${w.node.name}`;
    commands.push([`kubectl delete ${w.node.kind.toLowerCase()} ${at}`, null]);
    commands.push([`kubectl scale ${w.node.kind.toLowerCase()} ${at} --replicas=0`, null]);
    commands.push([`helm uninstall ${w.node.name} -n ${w.node.namespace}`, null]);
  }
  return commands;
}
