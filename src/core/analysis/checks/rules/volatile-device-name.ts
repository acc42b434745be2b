import { isVolatileDeviceName, normaliseDevicePath } from '../../../graph/backends/ceph-osds.ts';
import type { GraphIndex } from '../../../graph/graph-index.ts';
import type { GraphNode } from '../../../graph/model.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { lowerSeverity } from '../severity.ts';
import { storageFacts } from '../storage-users.ts';
import { storageSeverity } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'volatile-device-name',
  defaultSeverity: 'high',
  summary:
    'a Ceph disk is named by its kernel name (sdX, nvmeXnY), which can point at another disk after a reboot',
  docs: 'docs/rules/volatile-device-name.md',
};

/**
 * Three places a kernel name identifies a Ceph disk: a device listed in the CephCluster, the
 * cluster's `deviceFilter` (Rook matches it against kernel names only), and a raw-mode OSD's
 * `ROOK_BLOCK_PATH`, which is what people read when they pick "the OSD on /dev/sdc".
 */
export const volatileDeviceName: Rule = {
  meta,
  check(analysis) {
    const { index } = analysis;
    const facts = storageFacts(analysis);
    const found: Finding[] = [];
    for (const node of index.graph.nodes) {
      if (
        node.kind === 'Disk' &&
        node.attrs.volatileName === true &&
        typeof node.attrs.configuredIn === 'string'
      ) {
        const cluster = node.attrs.configuredIn;
        const osds = index.in(node.id, 'on-device').map((e) => e.from);
        const users = osds.length > 0 ? osds.flatMap((o) => facts.usersOf(o)) : facts.usersOf(cluster);
        const rated = storageSeverity(analysis, meta.defaultSeverity, [...new Set(users)]);
        if (!rated.severity) continue;
        const host = String(node.attrs.node);
        found.push(
          finding(meta, index, {
            severity: rated.severity,
            object: cluster,
            field: String(node.attrs.configuredField),
            message: `node ${host}'s disk is listed as ${deviceName(index, node)}, a kernel name that can name another disk after a reboot or a disk change (expected a /dev/disk/by-id path); ${osdText(osds)}the disk ${rated.who}`,
            fix: `list the stable names with \`ls -l /dev/disk/by-id/\` on ${host}, find the one pointing at ${String(node.attrs.path).replace('/dev/', '')}, and put that /dev/disk/by-id/… path in ${String(node.attrs.configuredField)}; before any destructive step confirm the disk's serial with \`ceph device ls-by-host ${host}\``,
          }),
        );
      }
      if (node.kind === 'CephCluster' && !node.missing && isSet(node.attrs.deviceFilter)) {
        const rated = storageSeverity(analysis, meta.defaultSeverity, facts.usersOf(node.id));
        if (!rated.severity) continue;
        found.push(
          finding(meta, index, {
            // A filter only takes empty disks, so a renamed disk is passed over rather than wiped.
            severity: lowerSeverity(rated.severity),
            object: node.id,
            field: 'spec.storage.deviceFilter',
            message: `deviceFilter "${node.attrs.deviceFilter}" selects OSD disks by kernel name, which follows probe order (expected explicit devices by /dev/disk/by-id, or a devicePathFilter on /dev/disk/by-id or by-path); the cluster ${rated.who}`,
            fix: 'replace spec.storage.deviceFilter with spec.storage.nodes[].devices[].name: /dev/disk/by-id/… per node (see `ls -l /dev/disk/by-id/` on each), or a devicePathFilter matching /dev/disk/by-path/…',
          }),
        );
      }
      if (node.kind === 'OSD' && isVolatileBlockPath(node)) {
        const deployment = String(node.attrs.deployment);
        const rated = storageSeverity(analysis, meta.defaultSeverity, facts.usersOf(node.id));
        if (!rated.severity) continue;
        found.push(
          finding(meta, index, {
            severity: rated.severity,
            object: deployment,
            field: String(node.attrs.blockPathField),
            message: `osd.${node.name} (${String(node.attrs.cvMode ?? 'unknown')} mode, on node ${String(node.attrs.node)}) records its disk as ROOK_BLOCK_PATH=${String(node.attrs.blockPath)}, a kernel name (expected a /dev/disk/by-id path); anyone picking "the OSD on ${String(node.attrs.blockPath)}" after a reboot may pick the wrong one; the OSD ${rated.who}`,
            fix: `identify osd.${node.name}'s disk by serial, never by ${String(node.attrs.blockPath)}: \`ceph osd metadata ${node.name} | grep -E '"devices"|device_ids'\` and \`ls -l /dev/disk/by-id/\` on ${String(node.attrs.node)}; to make the name stable, drain the OSD (\`ceph osd out ${node.name}\`, wait for active+clean), replace it, and list the disk by /dev/disk/by-id in the CephCluster`,
          }),
        );
      }
    }
    return found;
  },
};

/** Rook treats an empty deviceFilter as none. */
function isSet(value: unknown): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

function isVolatileBlockPath(node: GraphNode): boolean {
  const path = node.attrs.blockPath;
  return typeof path === 'string' && typeof node.attrs.deployment === 'string' && isVolatileDeviceName(path);
}

function deviceName(index: GraphIndex, disk: GraphNode): string {
  const configured = (index.node(String(disk.attrs.configuredIn))?.attrs.configuredDevices ?? []) as {
    node: string;
    name: string;
  }[];
  const own = configured.find(
    (d) => d.node === disk.attrs.node && normaliseDevicePath(d.name) === disk.attrs.path,
  );
  return `"${own?.name ?? String(disk.attrs.path)}"`;
}

function osdText(osds: string[]): string {
  if (osds.length === 0) return '';
  return `used by ${osds.map((o) => `osd.${o.split('/').pop()}`).join(', ')}; `;
}
