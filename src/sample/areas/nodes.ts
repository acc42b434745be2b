/**
 * Three small machines, each a control-plane node and a worker, in one rack. Which disks they
 * hold is not in the Node object: Rook's CephCluster lists them (see rook-ceph.ts).
 */
import { imageDigest, sha256, uuidFrom } from '../build/ids.ts';
import { NODE_NAMES, nodeAddress, nodeIndex, type Sample } from '../build/sample.ts';
import { CLUSTER_INSTALLED, LAST_REBOOT, shift } from '../build/time.ts';
import type { KubeObject } from '../build/types.ts';

const HEARTBEAT = '2026-11-24T05:58:41Z';

function condition(type: string, status: string, reason: string, message: string, since: string) {
  return { lastHeartbeatTime: HEARTBEAT, lastTransitionTime: since, message, reason, status, type };
}

const IMAGES = [
  'quay.io/ceph/ceph:v18.2.4',
  'docker.io/rook/ceph:v1.15.5',
  'ghcr.io/cloudnative-pg/postgresql:16.4',
  'docker.io/percona/percona-xtradb-cluster:8.0.39-30.1',
];

export function nodes(sample: Sample): KubeObject[] {
  return NODE_NAMES.map((name) => {
    const index = nodeIndex(name);
    const address = nodeAddress(name);
    const booted = shift(LAST_REBOOT, index * 900);
    return sample.add('nodes', {
      apiVersion: 'v1',
      kind: 'Node',
      metadata: sample.meta('Node', {
        name,
        created: shift(CLUSTER_INSTALLED, index * 240),
        labels: {
          'beta.kubernetes.io/arch': 'amd64',
          'beta.kubernetes.io/os': 'linux',
          'kubernetes.io/arch': 'amd64',
          'kubernetes.io/hostname': name,
          'kubernetes.io/os': 'linux',
          'node-role.kubernetes.io/control-plane': '',
          'node.kubernetes.io/instance-type': 'mini-pc',
          'topology.kubernetes.io/region': 'home',
          'topology.kubernetes.io/zone': 'rack-1',
        },
        annotations: {
          'csi.volume.kubernetes.io/nodeid': JSON.stringify({
            'rook-ceph.cephfs.csi.ceph.com': name,
            'rook-ceph.rbd.csi.ceph.com': name,
          }),
          'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///var/run/containerd/containerd.sock',
          'node.alpha.kubernetes.io/ttl': '0',
          'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
        },
      }),
      spec: { podCIDR: `10.42.${index}.0/24`, podCIDRs: [`10.42.${index}.0/24`] },
      status: {
        addresses: [
          { address, type: 'InternalIP' },
          { address: name, type: 'Hostname' },
        ],
        allocatable: {
          cpu: '7800m',
          'ephemeral-storage': '226773073808',
          'hugepages-1Gi': '0',
          'hugepages-2Mi': '0',
          memory: '64972128Ki',
          pods: '110',
        },
        capacity: {
          cpu: '8',
          'ephemeral-storage': '246068472Ki',
          'hugepages-1Gi': '0',
          'hugepages-2Mi': '0',
          memory: '65586528Ki',
          pods: '110',
        },
        conditions: [
          condition(
            'MemoryPressure',
            'False',
            'KubeletHasSufficientMemory',
            'kubelet has sufficient memory available',
            booted,
          ),
          condition(
            'DiskPressure',
            'False',
            'KubeletHasNoDiskPressure',
            'kubelet has no disk pressure',
            booted,
          ),
          condition(
            'PIDPressure',
            'False',
            'KubeletHasSufficientPID',
            'kubelet has sufficient PID available',
            booted,
          ),
          condition('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status', shift(booted, 35)),
        ],
        daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
        images: IMAGES.map((image, i) => ({
          names: [imageDigest(image), image],
          sizeBytes: 1_312_442_181 - i * 97_113_331,
        })),
        nodeInfo: {
          architecture: 'amd64',
          bootID: uuidFrom(`boot/${name}/${booted}`),
          containerRuntimeVersion: 'containerd://1.7.22',
          kernelVersion: '6.1.0-27-amd64',
          kubeProxyVersion: 'v1.31.3',
          kubeletVersion: 'v1.31.3',
          machineID: sha256(`machine/${name}`).slice(0, 32),
          operatingSystem: 'linux',
          osImage: 'Debian GNU/Linux 12 (bookworm)',
          systemUUID: uuidFrom(`system/${name}`),
        },
      },
    });
  });
}
