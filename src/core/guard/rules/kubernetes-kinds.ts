import type { GuardInventory } from '../inventory.ts';
import { finding, type StepFinding, target } from './rule.ts';

/**
 * What `kubectl delete KIND NAME` does, per kind and every spelling of it: claims and pools lose
 * their data, workloads and nodes go down, an operator's resource takes its claims with it,
 * backups, schedules and classes are reviewed. A kind in neither table is reviewed by hand.
 */
/** Kinds `kubectl delete` can name, by every spelling, to what the guard does with them. */
export type KindHandler = (namespace: string, name: string, inventory: GuardInventory) => StepFinding;

const claimLost: KindHandler = (ns, name, inventory) => {
  const claim = inventory.claim(ns, name);
  if (!claim) return finding({ unknown: [`PVC ${ns}/${name} is not in the inventory`] });
  // Retain keeps the data on the backend, but getting it back is by hand: still a loss here.
  const retained = inventory.claimReclaimPolicy(ns, name) === 'Retain';
  return finding({
    targets: [target(claim, 'lost')],
    notes: retained
      ? [
          `its PV has reclaim policy Retain: the data stays on the backend as a Released PV, which only a by-hand rebind brings back; counted as lost`,
        ]
      : [],
  });
};

const volumeDeleted: KindHandler = (_ns, name, inventory) => {
  const pv = inventory.volume(name);
  if (!pv) return finding({ unknown: [`PV ${name} is not in the inventory`] });
  if (!pv.claim) return finding({ review: [`deletes PV ${name}, bound to no claim tierbook knows`] });
  return pv.reclaimPolicy === 'Retain'
    ? finding({
        targets: [target(pv.claim, 'down')],
        notes: [
          `PV ${name} has reclaim policy Retain: the data stays on the backend, but ${pv.claim} loses its volume until it is bound again by hand`,
        ],
      })
    : finding({ targets: [target(pv.claim, 'lost')] });
};

const namespaceDeleted: KindHandler = (_ns, name, inventory) => {
  const claims = inventory.claimsIn(name);
  const workloads = inventory.workloadsIn(name);
  if (claims.length === 0 && workloads.length === 0)
    return finding({ unknown: [`namespace ${name} holds nothing the inventory knows`] });
  return finding({
    targets: [...claims.map((c) => target(c, 'lost')), ...workloads.map((w) => target(w.target, 'down'))],
  });
};

/** A workload goes down; an operator's resource takes its claims with it (CNPG deletes them). */
const workloadDeleted =
  (kind: string, claimsGo: boolean): KindHandler =>
  (ns, name, inventory) => {
    const w = inventory.workload(ns, kind, name);
    if (!w)
      return finding({
        unknown: [`${kind} ${ns}/${name} is no workload in the inventory (an operator may own it)`],
      });
    return finding({
      targets: [target(w.target, 'down'), ...(claimsGo ? w.claims.map((c) => target(c, 'lost')) : [])],
      runbook: restoreRunbook(kind, w.target),
    });
  };

function restoreRunbook(kind: string, workload: string): string | null {
  if (kind === 'Cluster') return `tierbook runbook cnpg-restore ${workload}`;
  if (kind === 'PerconaXtraDBCluster') return `tierbook runbook pxc-restore ${workload}`;
  return null;
}

const poolDeleted: KindHandler = (ns, name, inventory) => {
  const p = inventory.pool(name);
  if (!p?.target.startsWith(`pool/${ns}/`))
    return finding({ unknown: [`CephBlockPool ${ns}/${name} is not in the inventory`] });
  return finding({
    targets: [target(p.target, 'lost')],
    runbook: `tierbook runbook pool-rebuild ${p.target}`,
  });
};

const review =
  (what: string): KindHandler =>
  (ns, name) =>
    finding({ review: [`deletes ${what} ${ns}/${name}`] });

export const KINDS: ReadonlyMap<string, KindHandler> = new Map(
  (
    [
      [['pvc', 'pvcs', 'persistentvolumeclaim', 'persistentvolumeclaims'], claimLost],
      [['pv', 'pvs', 'persistentvolume', 'persistentvolumes'], volumeDeleted],
      [['ns', 'namespace', 'namespaces'], namespaceDeleted],
      [
        ['sts', 'statefulset', 'statefulsets', 'statefulset.apps', 'statefulsets.apps'],
        workloadDeleted('StatefulSet', false),
      ],
      [
        ['deploy', 'deployment', 'deployments', 'deployment.apps', 'deployments.apps'],
        workloadDeleted('Deployment', false),
      ],
      [
        ['ds', 'daemonset', 'daemonsets', 'daemonset.apps', 'daemonsets.apps'],
        workloadDeleted('DaemonSet', false),
      ],
      [
        ['cluster.postgresql.cnpg.io', 'clusters.postgresql.cnpg.io', 'cluster', 'clusters'],
        workloadDeleted('Cluster', true),
      ],
      [
        [
          'pxc',
          'pxcs',
          'perconaxtradbcluster',
          'perconaxtradbclusters',
          'perconaxtradbcluster.pxc.percona.com',
          'perconaxtradbclusters.pxc.percona.com',
        ],
        workloadDeleted('PerconaXtraDBCluster', true),
      ],
      [
        [
          'pg',
          'perconapgcluster',
          'perconapgclusters',
          'psmdb',
          'perconaservermongodb',
          'perconaservermongodbs',
        ],
        workloadDeleted('', true),
      ],
      [['cephblockpool', 'cephblockpools', 'cephblockpool.ceph.rook.io'], poolDeleted],
      [
        ['cephfilesystem', 'cephfilesystems', 'cephfs'],
        (ns, name, inv) => {
          const pools = inv.filesystemPools(name);
          return pools.length > 0
            ? finding({ targets: pools.map((p) => target(p, 'lost')) })
            : finding({ unknown: [`CephFilesystem ${ns}/${name} is not in the inventory`] });
        },
      ],
      [
        ['cephcluster', 'cephclusters', 'cephcluster.ceph.rook.io'],
        (ns, name, inv) => {
          const pools = inv.poolsIn(ns);
          return pools.length > 0
            ? finding({
                targets: pools.map((p) => target(p, 'lost')),
                notes: [
                  `deleting CephCluster ${ns}/${name} removes every pool in it once Rook's cleanup runs`,
                ],
              })
            : finding({ unknown: [`CephCluster ${ns}/${name} is not in the inventory`] });
        },
      ],
      [
        ['node', 'nodes', 'no'],
        (_ns, name, inv) =>
          inv.hasNode(name)
            ? finding({
                targets: [target(`node/${name}`, 'down')],
                runbook: `tierbook runbook node-drain node/${name}`,
              })
            : finding({ unknown: [`node ${name} is not in the inventory`] }),
      ],
      [
        ['sc', 'storageclass', 'storageclasses'],
        (_ns, name) =>
          finding({
            review: [`deletes StorageClass ${name}: new claims through it can no longer be provisioned`],
          }),
      ],
      [['volumesnapshot', 'volumesnapshots', 'vs'], review('VolumeSnapshot (a restore point)')],
      [
        [
          'backup',
          'backups',
          'backup.velero.io',
          'backups.velero.io',
          'backups.postgresql.cnpg.io',
          'perconaxtradbclusterbackup',
          'pxc-backup',
          'pxc-backups',
        ],
        review('backup (a restore point)'),
      ],
      [
        [
          'schedule',
          'schedules',
          'schedules.velero.io',
          'scheduledbackup',
          'scheduledbackups',
          'replicationsource',
          'replicationsources',
        ],
        review('backup schedule'),
      ],
      [['cephobjectstore', 'cephobjectstores', 'objectbucketclaim', 'obc'], review('Ceph object storage')],
    ] as [string[], KindHandler][]
  ).flatMap(([names, handler]) => names.map((n) => [n, handler] as const)),
);

/** Kinds whose deletion loses no data (the controller recreates them, or they hold none). */
export const HARMLESS = new Set([
  'pod',
  'pods',
  'po',
  'job',
  'jobs',
  'event',
  'events',
  'ev',
  'replicaset',
  'replicasets',
  'rs',
  'lease',
  'leases',
  'endpoints',
  'ep',
  'endpointslice',
  'endpointslices',
  'certificaterequest',
  'certificaterequests',
  'order',
  'orders',
  'challenge',
  'challenges',
  'cronjob',
  'cronjobs',
  'cj',
  'configmap',
  'configmaps',
  'cm',
  'service',
  'services',
  'svc',
  'ingress',
  'ingresses',
  'ing',
  'hpa',
  'pdb',
  'networkpolicy',
  'networkpolicies',
]);
