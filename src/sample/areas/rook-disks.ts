/**
 * The physical disks Rook turned into OSDs. Most are named by `/dev/disk/by-id/…`, which survives
 * reboots; k8s-2's small 250 GB SSD was added later by its kernel name `sdc`, which does not: the
 * kernel hands out sdX names in probe order, so after a reboot or a new disk `sdc` can be another
 * drive. That is how the incident this sample models picked the wrong OSD to purge.
 */
import { uuidFrom } from '../build/ids.ts';

export interface OsdDisk {
  id: number;
  node: string;
  /** The name as written in the CephCluster's `spec.storage.nodes[].devices[].name`. */
  device: string;
  deviceClass: 'ssd' | 'nvme';
  /** ceph-volume mode: raw for whole disks, lvm for the OSDs an older Rook prepared. */
  mode: 'raw' | 'lvm';
  bytes: number;
  usedBytes: number;
}

const TB_SSD = 1_000_204_886_016;
const NVME_500 = 500_107_862_016;
const SSD_250 = 250_059_350_016;

export const OSD_DISKS: readonly OsdDisk[] = [
  {
    id: 0,
    node: 'k8s-1',
    device: '/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R812345K',
    deviceClass: 'ssd',
    mode: 'raw',
    bytes: TB_SSD,
    usedBytes: 301_443_112_960,
  },
  {
    id: 1,
    node: 'k8s-1',
    device: '/dev/disk/by-id/nvme-WD_Red_SN700_500GB_22411M801234',
    deviceClass: 'nvme',
    mode: 'lvm',
    bytes: NVME_500,
    usedBytes: 98_221_404_160,
  },
  {
    id: 2,
    node: 'k8s-2',
    device: '/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R823456L',
    deviceClass: 'ssd',
    mode: 'raw',
    bytes: TB_SSD,
    usedBytes: 264_117_698_560,
  },
  {
    id: 3,
    node: 'k8s-2',
    device: 'sdc',
    deviceClass: 'ssd',
    mode: 'raw',
    bytes: SSD_250,
    usedBytes: 72_980_168_704,
  },
  {
    id: 4,
    node: 'k8s-3',
    device: '/dev/disk/by-id/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R834567M',
    deviceClass: 'ssd',
    mode: 'raw',
    bytes: TB_SSD,
    usedBytes: 318_904_410_112,
  },
  {
    id: 5,
    node: 'k8s-3',
    device: '/dev/disk/by-id/nvme-WD_Red_SN700_500GB_22411M805678',
    deviceClass: 'nvme',
    mode: 'lvm',
    bytes: NVME_500,
    usedBytes: 101_632_557_056,
  },
];

export function osdUuid(disk: OsdDisk): string {
  return uuidFrom(`osd-uuid/${disk.id}`);
}

/**
 * What the OSD deployment records in ROOK_BLOCK_PATH: the LVM logical volume for lvm-mode OSDs,
 * the device path the OSD was prepared from for raw mode, so the kernel name for `sdc`.
 */
export function blockPath(disk: OsdDisk): string {
  if (disk.mode === 'lvm') return `/dev/ceph-${uuidFrom(`vg/${disk.id}`)}/osd-block-${osdUuid(disk)}`;
  return disk.device.startsWith('/dev/') ? disk.device : `/dev/${disk.device}`;
}
