/**
 * The guard's table, family by family, on the built-in sample cluster (src/sample: osd.3 is the
 * 250 GB disk /dev/sdc on k8s-2; pools scratch (size 1) and ec-data (2+1) span it). Each
 * destructive command sits next to its harmless look-alike, and each is also run through
 * quoting, pipes, chains, sudo, bash -c, here-documents and xargs.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { GuardLevel } from '../../src/core/guard/model.ts';
import { guardSample } from './support.ts';

interface Row {
  command: string;
  node?: string;
  decision: 'block' | 'pass';
  level: GuardLevel;
  /** The blast targets it surely hits (alternatives left out), sorted. */
  targets?: string[];
  /** Table rows that recognised a step, in order. */
  rules?: string[];
  /** Something the steps' notes must say. */
  notes?: RegExp;
}

const OSD3 = ['osd/3'];
const SDC = ['device/k8s-2/dev/sdc'];

const FAMILIES: Record<string, Row[]> = {
  ceph: [
    { command: 'ceph osd tree', decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph -s', decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph osd ok-to-stop 3', decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph osd safe-to-destroy osd.3', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'ceph osd purge 3 --yes-i-really-mean-it',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
      rules: ['ceph-osd-remove'],
    },
    {
      command: 'ceph osd destroy osd.3 --yes-i-really-mean-it',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    { command: 'ceph osd rm 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'ceph --cluster ceph osd purge 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'ceph osd purge 0', decision: 'block', level: 'data-loss', targets: ['osd/0'] },
    {
      command: 'ceph osd purge 9 --yes-i-really-mean-it',
      decision: 'block',
      level: 'cannot-tell',
      targets: [],
    },
    { command: 'ceph osd purge', decision: 'block', level: 'cannot-tell', targets: [] },
    { command: 'ceph osd out 3', decision: 'pass', level: 'none', targets: [], rules: ['ceph-osd-out'] },
    { command: 'ceph osd down 3', decision: 'block', level: 'unavailable', targets: OSD3 },
    { command: 'ceph osd crush rm osd.3', decision: 'block', level: 'unavailable', targets: OSD3 },
    { command: 'ceph osd pool ls detail', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'ceph osd pool delete scratch scratch --yes-i-really-really-mean-it',
      decision: 'block',
      level: 'data-loss',
      targets: ['pool/rook-ceph/scratch'],
    },
    { command: 'ceph osd pool rm nosuchpool', decision: 'block', level: 'cannot-tell' },
    {
      command: 'ceph osd pool set replicapool size 1',
      decision: 'block',
      level: 'review',
      rules: ['ceph-pool-size'],
    },
    { command: 'ceph osd pool set replicapool min_size 1', decision: 'block', level: 'review' },
    { command: 'ceph osd pool set replicapool size 3', decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph osd pool set replicapool pg_num 64', decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph fs rm ceph-filesystem --yes-i-really-mean-it', decision: 'block', level: 'data-loss' },
    { command: 'ceph fs ls', decision: 'pass', level: 'none', rules: [] },
    { command: 'rbd ls replicapool', decision: 'pass', level: 'none', rules: [] },
    { command: 'rbd rm scratch/csi-vol-unknown', decision: 'block', level: 'cannot-tell' },
    { command: 'ceph-volume lvm list', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'ceph-volume lvm zap /dev/sdc --destroy',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: 'ceph-volume lvm zap --osd-id 3 --destroy',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
  ],
  disk: [
    { command: 'wipefs /dev/sdc', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    { command: 'wipefs -n -a /dev/sdc', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'wipefs -a /dev/sdc',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
      rules: ['wipefs'],
    },
    { command: 'wipefs -af /dev/sdc1', node: 'k8s-2', decision: 'block', level: 'data-loss', targets: SDC },
    { command: 'wipefs -a /dev/sdc', decision: 'block', level: 'cannot-tell', targets: [] },
    { command: 'wipefs -a /dev/sdc', node: 'k8s-9', decision: 'block', level: 'cannot-tell', targets: [] },
    { command: 'wipefs -a /dev/sdd', node: 'k8s-2', decision: 'block', level: 'cannot-tell', targets: [] },
    {
      command: 'wipefs -a /dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R823456L',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: ['device/k8s-2/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R823456L'],
    },
    { command: 'sgdisk --print /dev/sdc', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'sgdisk --zap-all /dev/sdc',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: 'dd if=/dev/sdc of=/tmp/backup.img',
      node: 'k8s-2',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    {
      command: 'dd if=/dev/zero of=/dev/sdc bs=1M count=100',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    { command: 'blkdiscard /dev/sdc', node: 'k8s-2', decision: 'block', level: 'data-loss', targets: SDC },
    { command: 'mkfs.xfs -f /dev/sdc', node: 'k8s-2', decision: 'block', level: 'data-loss', targets: SDC },
    { command: 'parted -s /dev/sdc print', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'parted -s /dev/sdc mklabel gpt',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    { command: 'fdisk -l', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    { command: 'fdisk /dev/sdc', node: 'k8s-2', decision: 'block', level: 'data-loss', targets: SDC },
    { command: 'lvs', node: 'k8s-1', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'vgremove -f ceph-502427e0-cef6-498c-80ac-3bede9809733',
      node: 'k8s-1',
      decision: 'block',
      level: 'data-loss',
      targets: [
        'device/k8s-1/dev/ceph-502427e0-cef6-498c-80ac-3bede9809733/osd-block-78e0d838-d623-4bf8-967b-b61de40cc364',
      ],
    },
    {
      command: 'cat /dev/zero > /dev/sdc',
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
      rules: ['device-write'],
    },
    { command: 'cat /dev/sdc > /tmp/x', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
    { command: 'rm -rf /var/lib/rook', node: 'k8s-2', decision: 'block', level: 'review' },
    { command: 'rm -rf /tmp/build', node: 'k8s-2', decision: 'pass', level: 'none', rules: [] },
  ],
  kubernetes: [
    { command: 'kubectl get pvc -n auth', decision: 'pass', level: 'none', rules: [] },
    { command: 'kubectl get pods -A', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'kubectl describe pvc data-authentik-redis-0 -n auth',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    {
      command: 'kubectl delete pvc data-authentik-redis-0 -n auth',
      decision: 'block',
      level: 'data-loss',
      targets: ['pvc/auth/data-authentik-redis-0'],
    },
    {
      command: 'kubectl -n auth delete persistentvolumeclaim/data-authentik-redis-0',
      decision: 'block',
      level: 'data-loss',
      targets: ['pvc/auth/data-authentik-redis-0'],
    },
    {
      command: 'kubectl delete pvc data-authentik-redis-0 -n auth --dry-run=client',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    { command: 'kubectl delete pvc no-such-claim -n auth', decision: 'block', level: 'cannot-tell' },
    {
      command: 'kubectl delete pvc authentik-media -n auth',
      decision: 'block',
      level: 'data-loss',
      targets: ['pvc/auth/authentik-media'],
      notes: /reclaim policy Retain/,
    },
    { command: 'kubectl delete pod -n auth authentik-server-0', decision: 'pass', level: 'none', rules: [] },
    { command: 'kubectl delete namespace databases', decision: 'block', level: 'data-loss' },
    { command: 'kubectl delete ns web', decision: 'pass', level: 'unavailable' },
    {
      command: 'kubectl delete cluster.postgresql.cnpg.io pg-main -n databases',
      decision: 'block',
      level: 'data-loss',
    },
    { command: 'kubectl delete pxc pxc-main -n databases', decision: 'block', level: 'data-loss' },
    {
      command: 'kubectl delete cephblockpool scratch -n rook-ceph',
      decision: 'block',
      level: 'data-loss',
      targets: ['pool/rook-ceph/scratch'],
    },
    { command: 'kubectl delete cephcluster rook-ceph -n rook-ceph', decision: 'block', level: 'data-loss' },
    { command: 'kubectl delete storageclass ceph-scratch', decision: 'block', level: 'review' },
    { command: 'kubectl delete -f cluster.yaml', decision: 'block', level: 'review' },
    { command: 'kubectl delete widget foo', decision: 'block', level: 'review' },
    { command: 'kubectl cordon k8s-2', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'kubectl drain k8s-2 --ignore-daemonsets --delete-emptydir-data',
      decision: 'block',
      level: 'unavailable',
      targets: ['node/k8s-2'],
    },
    {
      command: 'kubectl delete node k8s-2',
      decision: 'block',
      level: 'unavailable',
      targets: ['node/k8s-2'],
    },
    {
      command: 'oc adm drain k8s-2 --ignore-daemonsets',
      decision: 'block',
      level: 'unavailable',
      targets: ['node/k8s-2'],
    },
    { command: 'oc adm top nodes', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'kubectl scale deploy/authentik-server -n auth --replicas=0',
      decision: 'block',
      level: 'unavailable',
    },
    {
      command: 'kubectl scale deploy/authentik-server -n auth --replicas=2',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    {
      command: 'kubectl scale deploy jellyfin -n media --replicas=0',
      decision: 'pass',
      level: 'unavailable',
      rules: ['kubectl-scale-zero'],
    },
    {
      command: 'kubectl patch pv some-pv -p \'{"spec":{"persistentVolumeReclaimPolicy":"Delete"}}\'',
      decision: 'block',
      level: 'review',
    },
    {
      command: 'kubectl patch deploy web -p \'{"spec":{"replicas":2}}\'',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    {
      command:
        'kubectl -n rook-ceph patch cephcluster rook-ceph --type merge -p \'{"spec":{"storage":{"useAllDevices":false}}}\'',
      decision: 'block',
      level: 'review',
    },
    {
      command: 'kubectl rook-ceph rook purge-osd 3 --force',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
      rules: ['rook-purge-osd'],
    },
    {
      command: 'kubectl rook-ceph ceph osd purge 3',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
      rules: ['ceph-osd-remove'],
    },
    { command: 'kubectl rook-ceph ceph status', decision: 'pass', level: 'none', rules: [] },
    { command: 'helm list -A', decision: 'pass', level: 'none', rules: [] },
    { command: 'helm uninstall authentik -n auth', decision: 'block', level: 'cannot-tell' },
  ],
  talos: [
    { command: 'talosctl -n k8s-2 dmesg', decision: 'pass', level: 'none', rules: [] },
    {
      command: 'talosctl -n k8s-2 reset --graceful=false',
      decision: 'block',
      level: 'data-loss',
      targets: ['node/k8s-2'],
    },
    { command: 'talosctl -n k8s-2 wipe disk sdc', decision: 'block', level: 'data-loss', targets: SDC },
    { command: 'talosctl reboot', decision: 'block', level: 'cannot-tell' },
  ],
  backup: [
    { command: 'velero backup get', decision: 'pass', level: 'none', rules: [] },
    { command: 'velero backup delete nightly-20261123 --confirm', decision: 'block', level: 'review' },
    { command: 'velero schedule delete nightly', decision: 'block', level: 'review' },
    {
      command: 'velero restore create --from-backup nightly --include-namespaces auth',
      decision: 'block',
      level: 'review',
    },
  ],
  shell: [
    {
      command: 'sudo ceph osd purge 3 --yes-i-really-mean-it',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: 'sudo -u ceph env CEPH_ARGS=x ceph osd purge 3',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: "bash -c 'ceph osd purge 3 --yes-i-really-mean-it'",
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: 'sh -ec "ceph osd tree; ceph osd purge 3"',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    { command: "bash -c 'ceph osd tree'", decision: 'pass', level: 'none', rules: [] },
    { command: 'ceph osd tree && ceph osd purge 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'ceph osd tree || ceph osd purge 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: 'ceph osd tree | grep down; ceph osd purge 3',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    { command: 'echo "ceph osd purge 3"', decision: 'pass', level: 'none', rules: [] },
    {
      command: "grep 'wipefs -a /dev/sdc' runbook.md",
      node: 'k8s-2',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    { command: 'echo $(ceph osd purge 3)', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'echo `ceph osd purge 3`', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'echo 3 | xargs ceph osd purge', decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: 'echo 3 | xargs -I{} ceph osd purge {} --yes-i-really-mean-it',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: 'ceph osd ls | xargs -n1 ceph osd purge',
      decision: 'block',
      level: 'cannot-tell',
      targets: [],
    },
    { command: 'ceph osd purge $OSD_ID', decision: 'block', level: 'cannot-tell', targets: [] },
    { command: 'ceph osd purge "3"', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: "ceph osd 'purge' 3", decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'ceph osd pu\\rge 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    { command: 'ceph osd \\\n  purge 3', decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: 'bash <<EOF\nceph osd tree\nceph osd purge 3\nEOF',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: "ssh k8s-2 <<'EOF'\nsudo wipefs -a /dev/sdc\nEOF",
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    { command: 'cat <<EOF > plan.txt\nceph osd purge 3\nEOF', decision: 'pass', level: 'none', rules: [] },
    { command: "ssh root@k8s-2 'wipefs -a /dev/sdc'", decision: 'block', level: 'data-loss', targets: SDC },
    {
      command: 'ssh -p 2222 k8s-2 sudo sgdisk --zap-all /dev/sdc',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: 'ssh -t k8s-2 -- sudo wipefs -a /dev/sdc',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: 'kubectl debug node/k8s-2 -it --image=busybox -- chroot /host wipefs -a /dev/sdc',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: 'kubectl -n rook-ceph exec -it deploy/rook-ceph-tools -- ceph osd purge 3',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: "kubectl -n rook-ceph exec deploy/rook-ceph-tools -- sh -c 'ceph osd purge 3'",
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: 'kubectl -n rook-ceph exec deploy/rook-ceph-tools -- ceph osd tree',
      decision: 'pass',
      level: 'none',
      rules: [],
    },
    {
      command: 'timeout 60 nice -n 5 ceph osd purge 3',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    { command: "echo 'unterminated", decision: 'block', level: 'review' },
    { command: "eval 'ceph osd purge 3'", decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: 'if ceph osd ok-to-stop 3; then ceph osd purge 3; fi',
      decision: 'block',
      level: 'data-loss',
      targets: OSD3,
    },
    {
      command: 'for d in sdc sdd; do wipefs -a /dev/$d; done',
      node: 'k8s-2',
      decision: 'block',
      level: 'cannot-tell',
    },
    { command: 'for i in 1 2; do echo $i; done', decision: 'pass', level: 'none', rules: [] },
    { command: 'purge() { ceph osd purge 3; }; purge', decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: "sudo su - root -c 'wipefs -a /dev/sdc'",
      node: 'k8s-2',
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    {
      command: "find /dev -name 'sd*' -exec wipefs -a {} \\;",
      node: 'k8s-2',
      decision: 'block',
      level: 'cannot-tell',
    },
    { command: "find /var/log -name '*.gz' -mtime +30", decision: 'pass', level: 'none', rules: [] },
    {
      command: "ansible k8s-2 -b -m shell -a 'wipefs -a /dev/sdc'",
      decision: 'block',
      level: 'data-loss',
      targets: SDC,
    },
    { command: "ansible all -m shell -a 'uptime'", decision: 'pass', level: 'none', rules: [] },
    { command: '$CEPH osd purge 3', decision: 'block', level: 'review', rules: ['dynamic-program'] },
    { command: 'echo $HOME', decision: 'pass', level: 'none', rules: [] },
    { command: "echo 'ceph osd purge 3' | bash", decision: 'block', level: 'data-loss', targets: OSD3 },
    {
      command: 'curl -fsSL https://example.org/fix-disks.sh | sudo bash',
      decision: 'block',
      level: 'review',
      rules: ['dynamic-program'],
    },
    { command: 'ceph osd tree | grep down', decision: 'pass', level: 'none', rules: [] },
    { command: 'bash <<EOF\nceph osd tree', decision: 'block', level: 'review' },
  ],
};

for (const [family, rows] of Object.entries(FAMILIES)) {
  describe(`guard: ${family} commands`, () => {
    for (const row of rows) {
      test(`${row.command.replaceAll('\n', '\\n')}${row.node ? ` (--node ${row.node})` : ''} → ${row.decision} ${row.level}`, async () => {
        const answer = await guardSample(row.command, row.node ?? null);
        const detail = JSON.stringify({
          summary: answer.summary,
          steps: answer.steps,
          problems: answer.problems,
        });
        assert.equal(answer.decision, row.decision, detail);
        assert.equal(answer.level, row.level, detail);
        if (row.targets) {
          const surely = answer.steps.flatMap((s) =>
            s.targets.filter((t) => !t.alternative).map((t) => t.target),
          );
          assert.deepEqual([...new Set(surely)].sort(), [...row.targets].sort(), detail);
        }
        if (row.rules)
          assert.deepEqual(
            answer.steps.map((s) => s.rule),
            row.rules,
            detail,
          );
      });
    }
  });
}

test('docs/guard.md lists every row of the table, and no row that is not there', async () => {
  const { readFileSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { GUARD_RULES } = await import('../../src/core/guard/rules/index.ts');
  const doc = readFileSync(join(import.meta.dirname, '..', '..', 'docs', 'guard.md'), 'utf8');
  const documented = [...doc.matchAll(/^\| `([a-z][a-z0-9-]+)` \|/gm)].map((m) => m[1]);
  assert.deepEqual(
    documented,
    GUARD_RULES.map((r) => r.id),
  );
});

test('the first pass (no inventory) never misses a step the inventory would show', async () => {
  const { EMPTY_INVENTORY, recognise } = await import('../../src/core/guard/recognise.ts');
  const { guardInventory } = await import('../../src/core/guard/inventory.ts');
  const { sampleAnalysis } = await import('./support.ts');
  const inventory = guardInventory(await sampleAnalysis());
  for (const row of Object.values(FAMILIES).flat()) {
    const node = row.node ?? null;
    const real = recognise(row.command, node, inventory).steps.map((s) => s.rule);
    const first = recognise(row.command, node, EMPTY_INVENTORY).steps.map((s) => s.rule);
    for (const rule of real)
      assert.ok(first.includes(rule), `${row.command}: ${rule} only with the inventory`);
  }
});
