import { hasOption, programName } from '../args.ts';
import type { GuardInventory } from '../inventory.ts';
import type { Invocation } from '../model.ts';
import {
  args,
  deviceTargets,
  dynamicAt,
  finding,
  type GuardRule,
  isProgram,
  merge,
  type StepFinding,
} from './rule.ts';

/**
 * Commands that write a disk on a node. The node comes from `--node`, `ssh NODE`, `kubectl
 * debug node/NODE` or `talosctl -n NODE`; the device is mapped to OSDs through the inventory.
 */
function devices(inv: Invocation, inventory: GuardInventory): StepFinding {
  // Every /dev/ word is a device, whatever flag stands before it: tools differ in which of
  // their flags take a value (mkfs.xfs -f is a switch, mke2fs -f a value), and a miss is a
  // false "harmless".
  const found = inv.words
    .map((device, i) => ({ device, i }))
    .slice(1)
    .filter(
      ({ device, i }) => device.startsWith('/dev/') || (inv.dynamic[i] === true && !device.startsWith('-')),
    )
    .map(({ device, i }) => deviceTargets(device, inv.dynamic[i] === true, inv, inventory));
  return found.length > 0 ? withRunbook(merge(...found)) : finding({ unknown: ['no device is named'] });
}

/** A disk that holds an OSD is replaced by the osd-replace runbook. */
function withRunbook(f: StepFinding): StepFinding {
  return f.targets.length > 0 && !f.targets.every((t) => t.alternative)
    ? { ...f, runbook: `tierbook runbook osd-replace ${f.targets[0]?.target ?? ''}`.trim() }
    : f;
}

export const DISK_RULES: readonly GuardRule[] = [
  {
    id: 'wipefs',
    family: 'disk',
    programs: ['wipefs'],
    recognises: 'wipefs -a|-o DEVICE (not -n)',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'wipefs')) return null;
      const split = args(inv, new Set(['-o', '--offset', '-t', '--types', '-O', '--output']));
      if (hasOption(split, '-n', '--no-act')) return null;
      if (
        !hasOption(split, '-a', '--all', '-o', '--offset') &&
        !inv.words.some((w) => /^-[a-zA-Z]*a/.test(w))
      )
        return null;
      return devices(inv, inventory);
    },
  },
  {
    id: 'sgdisk-zap',
    family: 'disk',
    programs: ['sgdisk', 'gdisk'],
    recognises: 'sgdisk --zap-all|--clear|--delete|--new DEVICE',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'sgdisk')) return null;
      const writes =
        /^(-[ZzodnNtc]|--zap-all|--zap|--clear|--delete|--new|--largest-new|--typecode|--change-name|--mbrtogpt|--load-backup|-l)/;
      if (!inv.words.slice(1).some((w) => writes.test(w))) return null;
      return devices(inv, inventory);
    },
  },
  {
    id: 'dd-to-device',
    family: 'disk',
    programs: ['dd'],
    recognises: 'dd of=/dev/…',
    read: (inv, inventory) => {
      if (!isProgram(inv, 'dd')) return null;
      const at = inv.words.findIndex((w) => w.startsWith('of='));
      const device = inv.words[at]?.slice(3);
      if (at < 0 || device === undefined) return null;
      if (!device.startsWith('/dev/') && !inv.dynamic[at]) return null;
      if (device === '/dev/null') return null;
      return withRunbook(deviceTargets(device, inv.dynamic[at] === true, inv, inventory));
    },
  },
  {
    id: 'device-write',
    family: 'disk',
    programs: [],
    recognises: 'any command redirected to a disk (> /dev/sdc)',
    read: (inv, inventory) => {
      const disks = inv.writes.filter((w) => /^\/dev\/(sd|vd|xvd|hd|nvme|disk\/|mapper\/|dm-|ceph-)/.test(w));
      if (disks.length === 0) return null;
      return withRunbook(merge(...disks.map((d) => deviceTargets(d, false, inv, inventory))));
    },
  },
  {
    id: 'blkdiscard',
    family: 'disk',
    programs: ['blkdiscard', 'shred', 'nvme', 'hdparm', 'badblocks'],
    recognises: 'blkdiscard, shred, nvme format|sanitize, hdparm --security-erase, badblocks -w',
    read: (inv, inventory) => {
      const name = programName(inv.words[0]);
      if (name === 'nvme' && !['format', 'sanitize'].includes(inv.words[1] ?? '')) return null;
      if (
        name === 'hdparm' &&
        !inv.words.some((w) => w.startsWith('--security-erase') || w === '--trim-sector-ranges')
      )
        return null;
      if (name === 'badblocks' && !inv.words.some((w) => /^-[a-zA-Z]*[wn]/.test(w))) return null;
      if (!['blkdiscard', 'shred', 'nvme', 'hdparm', 'badblocks'].includes(name)) return null;
      return devices(inv, inventory);
    },
  },
  {
    id: 'mkfs',
    family: 'disk',
    programs: ['mkfs', 'mke2fs', 'mkswap', 'mkfs.*'],
    recognises: 'mkfs, mkfs.*, mke2fs, mkswap DEVICE',
    read: (inv, inventory) => {
      const name = programName(inv.words[0]);
      if (!(name === 'mkfs' || name.startsWith('mkfs.') || name === 'mke2fs' || name === 'mkswap'))
        return null;
      return devices(inv, inventory);
    },
  },
  {
    id: 'partition-write',
    family: 'disk',
    programs: ['parted', 'fdisk', 'sfdisk', 'cfdisk', 'gdisk'],
    recognises: 'parted (mklabel, mkpart, rm, …), fdisk, sfdisk, cfdisk, gdisk on a DEVICE (not -l, print)',
    read: (inv, inventory) => {
      const name = programName(inv.words[0]);
      if (!['parted', 'fdisk', 'sfdisk', 'cfdisk', 'gdisk'].includes(name)) return null;
      const words = inv.words.slice(1);
      if (
        words.some(
          (w) =>
            [
              '-l',
              '--list',
              '-d',
              '--dump',
              '-J',
              '--json',
              '-s',
              '--show-size',
              '-v',
              '--version',
              '-h',
              '--help',
            ].includes(w) && !(name === 'parted' && w === '-s'),
        )
      )
        return null;
      if (name === 'parted') {
        const script = words.filter((w) => !w.startsWith('-') && !w.startsWith('/dev/'));
        const reads = ['print', 'p', 'help', 'unit', 'align-check', 'version', 'quit'];
        if (script.length > 0 && script.every((w) => reads.includes(w) || /^\d|^[smkMGT]?B$|^%$/.test(w)))
          return null;
      }
      return devices(inv, inventory);
    },
  },
  {
    id: 'lvm-remove',
    family: 'disk',
    programs: ['lvremove', 'vgremove', 'pvremove'],
    recognises: 'lvremove, vgremove, pvremove',
    read: (inv, inventory) => {
      const name = programName(inv.words[0]);
      if (!['lvremove', 'vgremove', 'pvremove'].includes(name)) return null;
      const split = args(inv, new Set(['--config', '--select', '-S']));
      const names = split.positionals;
      if (names.length === 0)
        return finding({
          unknown: [`${name} with no volume named (or --select): cannot tell what it removes`],
        });
      return withRunbook(
        merge(
          ...names.map((n, i) => {
            const dynamic = dynamicAt(inv, split, i);
            const path = n.startsWith('/dev/') ? n : `/dev/${n}`;
            const node = inv.node;
            // An LVM OSD's block is /dev/<vg>/<lv>: the volume group names the disk.
            const byGroup =
              !dynamic && node !== null
                ? inventory
                    .disksOn(node)
                    .filter((d) => d.path === path || d.path.startsWith(`${path.replace(/\/$/, '')}/`))
                : [];
            if (byGroup.length > 0)
              return finding({
                targets: byGroup.map((d) => ({ target: d.target, effect: 'lost' as const })),
              });
            return deviceTargets(path, dynamic, inv, inventory);
          }),
        ),
      );
    },
  },
  {
    id: 'rm-data-dir',
    family: 'disk',
    programs: ['rm'],
    recognises:
      'rm -r of /var/lib/rook, /var/lib/rancher, /var/lib/longhorn, /var/lib/kubelet, /var/lib/etcd, /opt/local-path-provisioner',
    read: (inv) => {
      if (!isProgram(inv, 'rm')) return null;
      const data =
        /^\/(var\/lib\/(rook|rancher|longhorn|kubelet|etcd|openebs)|opt\/local-path-provisioner|var\/mnt)(\/|$)/;
      const hit = inv.words
        .slice(1)
        .filter((w, i) => data.test(w) || (inv.dynamic[i + 1] && w.includes('/')));
      if (hit.length === 0) return null;
      const where = inv.node ? `on ${inv.node}` : 'on an unknown node';
      return finding({
        review: [
          `removes ${hit.join(', ')} ${where}: Ceph monitor/OSD metadata, node-local volumes or kubelet state may live there`,
        ],
      });
    },
  },
];
