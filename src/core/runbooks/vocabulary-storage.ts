import { qualifiedName } from '../graph/ids.ts';
import {
  BY_ID,
  byIdPath,
  cephClusterOf,
  diskOf,
  localVolumesOn,
  osdsOnNode,
  poolsOfOsd,
  storageClassesOfPool,
  stringAttr,
} from './graph-facts.ts';
import type { RunbookTargetType } from './model.ts';
import {
  type BindContext,
  list,
  need,
  nodeName,
  type Placeholder,
  type PlaceholderValue,
  text,
} from './vocabulary-model.ts';

const CEPH_TARGETS: readonly RunbookTargetType[] = ['osd', 'pool', 'node', 'device'];

/** The recorded device path of an OSD or disk. */
const devicePath = (ctx: BindContext): string | null => {
  const n = need(ctx);
  if (n.kind === 'Disk') return stringAttr(n, 'path');
  return stringAttr(diskOf(ctx.analysis, n), 'path') ?? stringAttr(n, 'blockPath');
};
/**
 * A by-id path the inventory does not hold: a fill-in, and the step says how to resolve it.
 * A kernel name (`/dev/sdc`) is never printed in its place: after a reboot it may be another disk.
 */
const byId = (ctx: BindContext): PlaceholderValue => {
  const path = devicePath(ctx);
  const known = byIdPath(path);
  if (known) return { text: known };
  const n = need(ctx);
  const node = nodeName(ctx) ?? 'its node';
  const osd = n.kind === 'OSD' ? ` and \`ceph device ls-by-daemon osd.${n.name}\` (in the toolbox)` : '';
  const fill = `${BY_ID}… path of ${n.kind === 'OSD' ? `osd.${n.name}'s disk` : 'this disk'} on ${node}`;
  const tail = `; write the path in every ⟨fill in⟩ of this step and check the serial against Ceph's device id.`;
  // An LVM volume (`/dev/ceph-…/osd-block-…`) is not in /dev/disk/by-id: find its disk first.
  if (isLvm(ctx, path))
    return {
      fill,
      note: `Resolve the by-id path first: the inventory records the LVM volume ${path}, not a disk. On ${node} find the disk under it with \`lsblk -s ${path}\` (or \`ceph-volume lvm list\`), then its by-id path with \`ls -l ${BY_ID} | grep -w <disk>\`${osd}${tail}`,
    };
  const name = path?.split('/').pop() ?? '<device>';
  return {
    fill,
    note: `Resolve the by-id path first: the inventory records ${path ?? 'no device path'}, not a ${BY_ID} path. On ${node} run \`ls -l ${BY_ID} | grep -w ${name}\`${osd}${tail}`,
  };
};

function isLvm(ctx: BindContext, path: string | null): boolean {
  const n = need(ctx);
  const disk = n.kind === 'Disk' ? n : diskOf(ctx.analysis, n);
  return disk?.attrs.lvm === true || n.attrs.cvMode === 'lvm' || /^\/dev\/ceph-[^/]+\//.test(path ?? '');
}

/** The placeholders of storage targets (a Ceph cluster, OSDs, nodes, devices, pools): rows of VOCABULARY. */
export const STORAGE_PLACEHOLDERS: readonly Placeholder[] = [
  {
    name: 'ceph.namespace',
    for: CEPH_TARGETS,
    list: false,
    value:
      "namespace of the CephCluster the target is part of (an OSD's or pool's, or that of a node's or disk's OSDs); a fill-in when none or several",
    compute: (c) =>
      text(cephClusterOf(c.analysis, need(c))?.namespace ?? null, 'the namespace of the CephCluster'),
  },
  {
    name: 'ceph.cluster',
    for: CEPH_TARGETS,
    list: false,
    value: 'name of that CephCluster; a fill-in when none or several',
    compute: (c) => text(cephClusterOf(c.analysis, need(c))?.name ?? null, 'the name of the CephCluster'),
  },
  {
    name: 'osd.id',
    for: ['osd'],
    list: false,
    value: 'the OSD number',
    compute: (c) => ({ text: need(c).name }),
  },
  {
    name: 'osd.node',
    for: ['osd'],
    list: false,
    value: 'node the OSD runs on; a fill-in when not recorded',
    compute: (c) => text(nodeName(c), `the node osd.${need(c).name} runs on (ceph osd find ${need(c).name})`),
  },
  {
    name: 'osd.deployment',
    for: ['osd'],
    list: false,
    value: "its Deployment as recorded, else Rook's `rook-ceph-osd-<id>`",
    compute: (c) => {
      const recorded = stringAttr(need(c), 'deployment');
      return {
        text: recorded ? (qualifiedName(recorded).split('/').pop() ?? '') : `rook-ceph-osd-${need(c).name}`,
      };
    },
  },
  {
    name: 'osd.device.path',
    for: ['osd'],
    list: false,
    value:
      'the device path the OSD was configured with, as recorded (its disk, else `ROOK_BLOCK_PATH`); a fill-in when none',
    compute: (c) =>
      text(devicePath(c), `the device of osd.${need(c).name} (ceph device ls-by-daemon osd.${need(c).name})`),
  },
  {
    name: 'osd.device.byId',
    for: ['osd'],
    list: false,
    value:
      'that path when it is a `/dev/disk/by-id/` path; else a fill-in, and each step using it says how to resolve it (never the kernel name)',
    compute: byId,
  },
  {
    name: 'osd.deviceClass',
    for: ['osd'],
    list: false,
    value: 'hdd, ssd, nvme as recorded; a fill-in when not',
    compute: (c) =>
      text(
        stringAttr(need(c), 'deviceClass'),
        `the device class of osd.${need(c).name} (ceph osd crush get-device-class osd.${need(c).name})`,
      ),
  },
  {
    name: 'osd.pools',
    for: ['osd'],
    list: true,
    value: 'Ceph names of the pools that can place data on it',
    compute: (c) => list(poolsOfOsd(c.analysis, need(c))),
  },
  {
    name: 'node.name',
    for: ['node', 'osd', 'device'],
    list: false,
    value: "the node (an OSD's or disk's node)",
    compute: (c) => text(nodeName(c), 'the node name'),
  },
  {
    name: 'node.osds',
    for: ['node'],
    list: true,
    value: 'OSDs that run on the node (`osd.N`)',
    compute: (c) => list(osdsOnNode(c.analysis, need(c).id).map((o) => `osd.${o.name}`)),
  },
  {
    name: 'node.localVolumes',
    for: ['node'],
    list: true,
    value: 'PVCs whose volume is pinned to the node, with the workloads mounting them',
    compute: (c) => list(localVolumesOn(c.analysis, need(c).id)),
  },
  {
    name: 'device.path',
    for: ['device'],
    list: false,
    value: 'the disk path as recorded',
    compute: (c) => text(devicePath(c), 'the device path'),
  },
  {
    name: 'device.byId',
    for: ['device'],
    list: false,
    value: 'that path when it is a by-id path; else a fill-in (as `osd.device.byId`)',
    compute: byId,
  },
  {
    name: 'pool.name',
    for: ['pool'],
    list: false,
    value: "the pool's Ceph name",
    compute: (c) => ({ text: stringAttr(need(c), 'poolName') ?? need(c).name }),
  },
  {
    name: 'pool.namespace',
    for: ['pool'],
    list: false,
    value: 'its namespace',
    compute: (c) => ({ text: need(c).namespace }),
  },
  {
    name: 'pool.size',
    for: ['pool'],
    list: false,
    value: 'copies kept (replicated) or chunks (erasure-coded); a fill-in when not recorded',
    compute: (c) =>
      text(
        stringAttr(need(c), 'size'),
        `the size of pool ${need(c).name} (ceph osd pool get ${need(c).name} size)`,
      ),
  },
  {
    name: 'pool.storageClasses',
    for: ['pool'],
    list: true,
    value: 'classes whose volumes are in the pool or whose parameters name it',
    compute: (c) => list(storageClassesOfPool(c.analysis, need(c))),
  },
];
