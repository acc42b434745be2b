/**
 * Host paths that are not a workload's own data to keep, and why: the one table tiers, blast
 * and checks read (docs/blast.md, "hostPath data"). Anything not matched here is data that
 * lives only on its node. A row matches the path itself and everything below it.
 */
export interface HostPathRule {
  path: string;
  why: string;
}

const NODE = 'exposes the node to the pod (kernel, devices, runtime state), holds no data';
const CONFIG = "node configuration, rebuilt by the node's installer";
const RUNTIME = 'container runtime or kubelet state, rebuilt when the node rejoins';
const NETWORK = 'network plugin state, rebuilt from the Kubernetes API';
const ELSEWHERE = 'storage data judged through its own volumes (pools, PVs, replicas)';

export const NO_DATA_HOST_PATHS: readonly HostPathRule[] = [
  { path: '/proc', why: NODE },
  { path: '/sys', why: NODE },
  { path: '/dev', why: NODE },
  { path: '/run', why: 'runtime sockets and locks, gone at reboot' },
  { path: '/var/run', why: 'runtime sockets and locks, gone at reboot' },
  { path: '/var/lock', why: 'lock files, gone at reboot' },
  { path: '/tmp', why: 'scratch space' },
  { path: '/boot', why: NODE },
  { path: '/lib/modules', why: NODE },
  { path: '/usr', why: 'installed software' },
  { path: '/lib', why: 'installed software' },
  { path: '/opt/cni', why: 'CNI plugin binaries' },
  { path: '/etc', why: CONFIG },
  { path: '/var/log', why: 'logs (shipped elsewhere or rebuildable)' },
  { path: '/var/lib/kubelet', why: RUNTIME },
  { path: '/var/lib/containerd', why: RUNTIME },
  { path: '/var/lib/docker', why: RUNTIME },
  { path: '/var/lib/cni', why: RUNTIME },
  { path: '/var/lib/calico', why: NETWORK },
  { path: '/var/lib/cilium', why: NETWORK },
  { path: '/var/lib/openvswitch', why: NETWORK },
  { path: '/var/lib/ovn', why: NETWORK },
  { path: '/var/lib/ovn-ic', why: NETWORK },
  { path: '/var/lib/kube-proxy', why: 'kube-proxy configuration' },
  { path: '/var/lib/rancher/rke2/agent', why: RUNTIME },
  { path: '/var/lib/rancher/k3s/agent', why: RUNTIME },
  { path: '/var/lib/rancher/rke2/server/tls', why: 'certificates, re-issued by the server' },
  { path: '/var/lib/rancher/k3s/server/tls', why: 'certificates, re-issued by the server' },
  { path: '/var/lib/rancher/rke2/server/cred', why: 'kubeconfigs and credentials, re-issued by the server' },
  { path: '/var/lib/rancher/rke2/server/db/etcd/name', why: "the etcd member's name, configuration" },
  { path: '/usr/share/ca-certificates', why: 'trusted CA bundle' },
  { path: '/usr/local/share/ca-certificates', why: 'trusted CA bundle' },
  { path: '/var/lib/rook', why: `${ELSEWHERE}: Ceph keeps its monitors and OSDs redundant` },
  { path: '/var/lib/longhorn', why: `${ELSEWHERE}: Longhorn replicas, counted per volume` },
  { path: '/opt/local-path-provisioner', why: `${ELSEWHERE}: local-path PVs, counted per PV` },
  { path: '/var/openebs/local', why: `${ELSEWHERE}: OpenEBS hostpath PVs, counted per PV` },
];

/** Why a host path keeps no data of the workload's own, or null when it does. */
export function noDataReason(path: string): string | null {
  const clean = path.replace(/\/+$/, '') || '/';
  if (clean === '/') return 'the whole root filesystem, mounted to read node metrics';
  if (clean.endsWith('.sock')) return 'a socket';
  const rule = NO_DATA_HOST_PATHS.find((r) => clean === r.path || clean.startsWith(`${r.path}/`));
  return rule ? rule.why : null;
}

/** A host path that keeps data only its node has. */
export function holdsData(path: string): boolean {
  return noDataReason(path) === null;
}
