import { KUBECTL_VALUE, option, type SplitArgs } from '../args.ts';
import type { GuardInventory } from '../inventory.ts';
import type { Invocation } from '../model.ts';
import {
  args,
  dynamicAt,
  finding,
  type GuardRule,
  isProgram,
  merge,
  osdTargets,
  type StepFinding,
  target,
} from './rule.ts';

/** kubectl (and oc) commands that lose or stop data, and the Rook plugin's purge-osd. */

interface Kubectl {
  split: SplitArgs;
  verb: string;
  namespace: string;
}

function kubectl(inv: Invocation, ...verbs: string[]): Kubectl | null {
  if (!isProgram(inv, 'kubectl', 'oc')) return null;
  const split = args(inv, KUBECTL_VALUE);
  const verb = split.positionals[0] ?? '';
  if (!verbs.includes(verb)) return null;
  const dryRun = option(split, '--dry-run');
  if (dryRun !== undefined && dryRun !== 'none') return null;
  return { split, verb, namespace: option(split, '-n', '--namespace') ?? 'default' };
}

/** `pvc a b`, `pvc/a`, `pvc/a pv/b`: [type, name] pairs after the verb. */
function resources(
  k: Kubectl,
  inv: Invocation,
  from = 1,
): { type: string; name: string; dynamic: boolean }[] {
  const words = k.split.positionals.slice(from);
  const out: { type: string; name: string; dynamic: boolean }[] = [];
  const first = words[0] ?? '';
  if (first.includes('/')) {
    words.forEach((w, i) => {
      const [type = '', ...name] = w.split('/');
      out.push({ type, name: name.join('/'), dynamic: dynamicAt(inv, k.split, i + from) });
    });
  } else {
    for (const type of first.split(',')) {
      words.slice(1).forEach((name, i) => {
        out.push({ type, name, dynamic: dynamicAt(inv, k.split, i + 1 + from) });
      });
      if (words.length === 1) out.push({ type, name: '', dynamic: false });
    }
  }
  return out;
}

/** Kinds `kubectl delete` can name, by every spelling, to what the guard does with them. */
type KindHandler = (namespace: string, name: string, inventory: GuardInventory) => StepFinding;

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

const KINDS: ReadonlyMap<string, KindHandler> = new Map(
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
const HARMLESS = new Set([
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

export const KUBERNETES_RULES: readonly GuardRule[] = [
  {
    id: 'kubectl-delete',
    family: 'kubernetes',
    programs: ['kubectl', 'oc'],
    recognises:
      'kubectl delete pvc|pv|namespace|statefulset|deployment|cephcluster|cephblockpool|cephfilesystem|cluster.postgresql.cnpg.io|pxc|node|storageclass|backup|schedule …',
    read: (inv, inventory) => {
      const k = kubectl(inv, 'delete');
      if (!k) return null;
      if (option(k.split, '-f', '--filename', '-k', '--kustomize') !== undefined)
        return finding({
          review: [
            'deletes what a file names: the guard does not read files (check it with tierbook guard --diff, or review by hand)',
          ],
        });
      const all =
        k.split.options.has('--all') || k.split.options.has('-A') || k.split.options.has('--all-namespaces');
      const selector = option(k.split, '-l', '--selector');
      const parts = resources(k, inv).map(({ type, name, dynamic }) => {
        const lower = type.toLowerCase();
        if (HARMLESS.has(lower)) return null;
        const handler = KINDS.get(lower);
        if (dynamic) return finding({ unknown: [`which ${type} is known only when it runs`] });
        if (!handler)
          return finding({ review: [`deletes ${type} ${name}: a kind the guard does not judge`] });
        if (name === '' && (all || selector !== undefined)) {
          if (lower.startsWith('pvc') || lower.startsWith('persistentvolumeclaim')) {
            const claims = inventory.claimsIn(k.namespace);
            return finding({
              targets: claims.map((c) => target(c, 'lost')),
              ...(selector !== undefined
                ? {
                    unknown: [
                      `-l ${selector}: the guard does not read labels; worst case every claim in ${k.namespace}`,
                    ],
                  }
                : {}),
            });
          }
          return finding({
            unknown: [
              `deletes ${selector !== undefined ? `-l ${selector}` : 'every'} ${type} in ${k.namespace}: the guard cannot tell which`,
            ],
          });
        }
        if (name === '') return finding({ unknown: [`kubectl delete ${type} names no object`] });
        return handler(k.namespace, name, inventory);
      });
      const found = parts.filter((p): p is StepFinding => p !== null);
      return found.length > 0 ? merge(...found) : null;
    },
  },
  {
    id: 'kubectl-drain',
    family: 'kubernetes',
    programs: ['kubectl', 'oc'],
    recognises: 'kubectl drain NODE',
    read: (inv, inventory) => {
      const k = kubectl(inv, 'drain');
      if (!k) return null;
      const node = k.split.positionals[1];
      if (!node || dynamicAt(inv, k.split, 1))
        return finding({ unknown: ['the node is known only when it runs'] });
      return inventory.hasNode(node)
        ? finding({
            targets: [target(`node/${node}`, 'down')],
            runbook: `tierbook runbook node-drain node/${node}`,
          })
        : finding({ unknown: [`node ${node} is not in the inventory`] });
    },
  },
  {
    id: 'kubectl-scale-zero',
    family: 'kubernetes',
    programs: ['kubectl', 'oc'],
    recognises: 'kubectl scale … --replicas=0',
    read: (inv, inventory) => {
      const k = kubectl(inv, 'scale');
      if (!k) return null;
      const replicas = option(k.split, '--replicas');
      if (replicas !== undefined && /^\d+$/.test(replicas) && Number(replicas) > 0) return null;
      const parts = resources(k, inv).map(({ type, name, dynamic }) => {
        if (dynamic || replicas === undefined || !/^\d+$/.test(replicas))
          return finding({
            unknown: ['what it scales, or to how many replicas, is known only when it runs'],
          });
        const kind =
          {
            sts: 'StatefulSet',
            statefulset: 'StatefulSet',
            statefulsets: 'StatefulSet',
            deploy: 'Deployment',
            deployment: 'Deployment',
            deployments: 'Deployment',
          }[type.toLowerCase()] ?? '';
        const w = inventory.workload(k.namespace, kind, name);
        return w
          ? finding({ targets: [target(w.target, 'down')] })
          : finding({
              unknown: [
                `${type}/${name} in ${k.namespace} is no workload in the inventory (an operator may own it)`,
              ],
            });
      });
      return parts.length > 0 ? merge(...parts) : null;
    },
  },
  {
    id: 'kubectl-patch-storage',
    family: 'kubernetes',
    programs: ['kubectl', 'oc'],
    recognises: 'kubectl patch pv (reclaim policy), cephcluster (storage devices), cephblockpool (size)',
    read: (inv) => {
      const k = kubectl(inv, 'patch', 'edit');
      if (!k) return null;
      const [, first = '', second = ''] = k.split.positionals;
      const type = (first.includes('/') ? first.split('/')[0] : first)?.toLowerCase() ?? '';
      const name = first.includes('/') ? first.split('/').slice(1).join('/') : second;
      const patch = option(k.split, '-p', '--patch') ?? '';
      if (
        ['pv', 'persistentvolume', 'persistentvolumes'].includes(type) &&
        (/reclaim/i.test(patch) || k.verb === 'edit')
      )
        return finding({
          review: [
            `changes PV ${name}'s reclaim policy${/Delete/.test(patch) ? ' to Delete: deleting its claim then deletes the data' : ''}`,
          ],
        });
      if (type.startsWith('cephcluster') && (/storage|device|node/i.test(patch) || k.verb === 'edit'))
        return finding({
          review: [
            `changes CephCluster ${name}'s storage: Rook may remove or add OSDs; run tierbook blast on each OSD it drops`,
          ],
        });
      if (
        type.startsWith('cephblockpool') &&
        (/size|replicated|erasure|failureDomain/i.test(patch) || k.verb === 'edit')
      )
        return finding({ review: [`changes CephBlockPool ${name}'s redundancy`] });
      return null;
    },
  },
  {
    id: 'rook-purge-osd',
    family: 'kubernetes',
    programs: ['kubectl'],
    recognises: 'kubectl rook-ceph rook purge-osd ID[,ID…]',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'kubectl', 'kubectl-rook_ceph', 'kubectl-rook-ceph')) return null;
      const split = args(inv, KUBECTL_VALUE);
      const p = split.positionals;
      const offset = p[0] === 'rook-ceph' ? 1 : 0;
      if (p[offset] !== 'rook' || p[offset + 1] !== 'purge-osd') return null;
      const ids = p.slice(offset + 2);
      const f = osdTargets(
        ids,
        ids.map((_, i) => dynamicAt(inv, split, i + offset + 2)),
        inventory,
        'lost',
      );
      return {
        ...f,
        runbook: f.targets[0]
          ? `tierbook runbook osd-remove ${f.targets[0].target}`
          : 'tierbook runbook osd-remove',
      };
    },
  },
  {
    id: 'helm-uninstall',
    family: 'kubernetes',
    programs: ['helm'],
    recognises: 'helm uninstall|delete RELEASE',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'helm')) return null;
      const split = args(
        inv,
        new Set([
          '-n',
          '--namespace',
          '--kube-context',
          '--kubeconfig',
          '--timeout',
          '--cascade',
          '--description',
        ]),
      );
      const [verb, release] = split.positionals;
      if (!['uninstall', 'delete', 'del', 'un'].includes(verb ?? '')) return null;
      if (split.options.has('--dry-run')) return null;
      const ns = option(split, '-n', '--namespace') ?? 'default';
      const workloads = inventory.workloadsIn(ns).filter((w) => w.claims.length > 0);
      return finding({
        unknown: [
          `tierbook does not record Helm releases: worst case, ${release ?? 'the release'} owns every workload with volumes in ${ns} and the claims its chart made`,
        ],
        targets: workloads.flatMap((w) => [
          target(w.target, 'down'),
          ...w.claims.map((c) => ({ ...target(c, 'lost'), alternative: true })),
        ]),
      });
    },
  },
];
