import { KUBECTL_VALUE, option, type SplitArgs } from '../args.ts';
import type { Invocation } from '../model.ts';
import { HARMLESS, KINDS } from './kubernetes-kinds.ts';
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

/**
 * kubectl (and oc) commands that lose or stop data, and the Rook plugin's purge-osd. One
 * command family in one file (past 250 lines): its rows share the kubectl argument reader.
 */

interface Kubectl {
  split: SplitArgs;
  verb: string;
  namespace: string;
}

function kubectl(inv: Invocation, ...verbs: string[]): Kubectl | null {
  if (!isProgram(inv, 'kubectl', 'oc')) return null;
  const parsed = args(inv, KUBECTL_VALUE);
  // `oc adm drain NODE` is OpenShift's `kubectl drain NODE`.
  const split =
    parsed.positionals[0] === 'adm'
      ? { ...parsed, positionals: parsed.positionals.slice(1), at: parsed.at.slice(1) }
      : parsed;
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
