import { isVolatileDeviceName } from '../../core/graph/backends/ceph-osds.ts';
import type { StoragePage } from './content-model.ts';
import type { PageIndex } from './page-index.ts';
import { fallbackTitle } from './page-index.ts';
import type { Link } from './view-rows.ts';

/**
 * Which device an OSD or a disk was configured with, and whether that name can move: a kernel
 * name (`/dev/sdc`) follows probe order and may name another drive after a reboot, so the page
 * says so and gives the commands that confirm the disk by serial before a destructive step.
 */
export interface DeviceNote {
  path: string;
  node: string | null;
  /** A kernel name (sdc, nvme0n1): it may point at another drive after a reboot. */
  volatile: boolean;
  /** Where the path was read: "field spec.… of CephCluster rook-ceph/rook-ceph". */
  configured: string | null;
  /** Ceph's names of the OSDs on it: "osd.3". */
  osds: string[];
  /** Commands that show which physical disk (by serial) it is. */
  commands: string[];
}

/** One disk of a node and the OSDs on it. */
export interface DiskRow {
  disk: Link;
  path: string;
  volatile: boolean;
  osds: Link[];
}

type Lookup = (id: string) => StoragePage | undefined;

export function deviceNote(page: StoragePage, lookup: Lookup): DeviceNote | null {
  const attrs = page.attrs;
  if (page.type === 'osd') {
    const path = text(attrs.blockPath);
    if (!path) return null;
    const deployment = text(attrs.deployment);
    const field = text(attrs.blockPathField);
    return note(
      path,
      text(attrs.node),
      field && deployment ? `field ${field} of ${fallbackTitle(deployment)}` : null,
      [`osd.${page.name}`],
    );
  }
  if (page.type === 'disk') {
    const path = text(attrs.path);
    if (!path) return null;
    const configuredIn = text(attrs.configuredIn);
    const field = text(attrs.configuredField);
    const osds = (page.related.osds ?? []).map(
      (r) => `osd.${lookup(r.id)?.name ?? r.title.replace(/^osd\./, '')}`,
    );
    const made = note(
      path,
      text(attrs.node),
      field && configuredIn ? `field ${field} of ${fallbackTitle(configuredIn)}` : null,
      osds,
    );
    return { ...made, volatile: made.volatile || attrs.volatileName === true };
  }
  return null;
}

function note(path: string, node: string | null, configured: string | null, osds: string[]): DeviceNote {
  const kernel = path.replace(/^\/dev\//, '');
  const volatile = isVolatileDeviceName(path);
  const commands = [
    ...(volatile ? [`ls -l /dev/disk/by-id/ | grep -w ${kernel}${node ? `    # on ${node}` : ''}`] : []),
    ...osds.map((osd) => `ceph device ls-by-daemon ${osd}`),
  ];
  return { path, node, volatile, configured, osds, commands };
}

/** A node's disks, each with the OSDs that sit on it (from the OSD pages). */
export function diskRows(page: StoragePage, lookup: Lookup, index: PageIndex): DiskRow[] | null {
  if (page.type !== 'node') return null;
  const disks = page.related.disks ?? [];
  const osds = page.related.osds ?? [];
  if (disks.length === 0 && osds.length === 0) return null;
  const rows = disks.map((d) => {
    const disk = lookup(d.id);
    const path = text(disk?.attrs.path) ?? d.title;
    return {
      disk: index.link(d.id, d.title),
      path,
      volatile: disk?.attrs.volatileName === true || isVolatileDeviceName(path),
      osds: osds
        .filter((o) => lookup(o.id)?.related.disks?.some((x) => x.id === d.id))
        .map((o) => index.link(o.id, o.title)),
    };
  });
  // An OSD whose disk is not known is still listed, on a row of its own.
  const placed = new Set(rows.flatMap((r) => r.osds.map((o) => o.title)));
  for (const o of osds) {
    if (!placed.has(o.title))
      rows.push({
        disk: { title: 'disk not known', url: null },
        path: '',
        volatile: false,
        osds: [index.link(o.id, o.title)],
      });
  }
  return rows;
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value !== '' ? value : typeof value === 'number' ? String(value) : null;
}
