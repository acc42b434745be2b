import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';

export const CEPH = 'ceph.rook.io';

export function osdId(namespace: string, id: string): string {
  return nodeId(CEPH, 'OSD', namespace, id);
}

export function diskId(node: string, path: string): string {
  return nodeId('tierbook.io', 'Disk', undefined, `${node}${path.startsWith('/') ? '' : '/'}${path}`);
}

/** Kernel names (`sdc`, `/dev/nvme0n1`) change across reboots and hardware changes. */
export function isVolatileDeviceName(path: string): boolean {
  return /^(\/dev\/)?(sd[a-z]+|vd[a-z]+|xvd[a-z]+|hd[a-z]+|nvme\d+n\d+)(p?\d+)?$/.test(path);
}

export function normaliseDevicePath(name: string): string {
  return name.startsWith('/') ? name : `/dev/${name}`;
}

/**
 * Rook runs one Deployment per OSD (`app: rook-ceph-osd`, label `ceph-osd-id`). Its labels
 * carry the CRUSH location (`topology-location-<type>`) and device class; the osd container's
 * env carries the block device (`ROOK_BLOCK_PATH`) and ceph-volume mode (`ROOK_CV_MODE`).
 */
export function extractOsds(ctx: BuildContext, clusterByNamespace: Map<string, string>): void {
  for (const deployment of ctx.index.ofKind('apps', 'Deployment')) {
    const labels = deployment.stringMap('metadata.labels');
    if (labels.app !== 'rook-ceph-osd' || labels['ceph-osd-id'] === undefined) continue;
    const namespace = deployment.object.metadata.namespace ?? '';
    const id = osdId(namespace, labels['ceph-osd-id']);
    ctx.node(id, { derived: true });
    const location: Record<string, string> = {};
    for (const [key, value] of Object.entries(labels)) {
      if (key.startsWith('topology-location-')) location[key.slice('topology-location-'.length)] = value;
    }
    const host = hostOf(deployment) ?? location.host;
    const env = osdEnv(deployment);
    ctx.setAttrs(id, {
      osd: Number(labels['ceph-osd-id']),
      deployment: idOf(deployment),
      deviceClass: labels['device-class'] ?? null,
      location,
      node: host ?? null,
      blockPath: env.ROOK_BLOCK_PATH?.value ?? null,
      blockPathField: env.ROOK_BLOCK_PATH?.field ?? null,
      cvMode: env.ROOK_CV_MODE?.value ?? null,
      onPvc: labels['ceph.rook.io/pvc'] ?? null,
      replicas: deployment.number('spec.replicas') ?? 1,
    });
    const cluster = clusterByNamespace.get(namespace);
    if (cluster) {
      ctx.edge({
        from: id,
        to: cluster,
        type: 'part-of',
        source: deployment,
        field: 'metadata.namespace',
        why: `an OSD of CephCluster ${qualifiedName(cluster)}`,
      });
    }
    if (host) {
      const node = nodeId('', 'Node', undefined, host);
      ctx.node(node, { missing: !ctx.index.has(node), apiVersion: 'v1' });
      ctx.edge({
        from: id,
        to: node,
        type: 'runs-on',
        source: deployment,
        field: 'spec.template.spec.nodeSelector',
        why: `osd.${labels['ceph-osd-id']} runs on node ${host}`,
      });
      const block = env.ROOK_BLOCK_PATH;
      if (block && !labels['ceph.rook.io/pvc']) {
        const disk = diskId(host, block.value);
        ctx.node(disk, { derived: true });
        ctx.setAttrs(disk, {
          node: host,
          path: block.value,
          volatileName: isVolatileDeviceName(block.value),
          lvm: block.value.startsWith('/dev/ceph-'),
        });
        ctx.edge({
          from: id,
          to: disk,
          type: 'on-device',
          source: deployment,
          field: block.field,
          why: `osd.${labels['ceph-osd-id']} stores its data on ${block.value}`,
        });
        ctx.edge({
          from: disk,
          to: node,
          type: 'in-node',
          source: deployment,
          field: block.field,
          why: `${block.value} is a disk in node ${host}`,
        });
      }
    }
  }
}

function hostOf(deployment: FieldReader): string | undefined {
  return (
    deployment.stringMap('spec.template.spec.nodeSelector')['kubernetes.io/hostname'] ??
    deployment.string('spec.template.spec.nodeName')
  );
}

function osdEnv(deployment: FieldReader): Record<string, { value: string; field: string }> {
  const found: Record<string, { value: string; field: string }> = {};
  const containers = 'spec.template.spec.containers';
  for (const c of deployment.indexes(containers)) {
    for (const e of deployment.indexes(`${containers}[${c}].env`)) {
      const at = `${containers}[${c}].env[${e}]`;
      const name = deployment.string(`${at}.name`);
      const value = deployment.string(`${at}.value`);
      if (name?.startsWith('ROOK_') && value) found[name] = { value, field: `${at}.value` };
    }
  }
  return found;
}

/** Devices named in `CephCluster.spec.storage.nodes[].devices[]`: disks even before an OSD uses them. */
export function extractConfiguredDevices(ctx: BuildContext, cluster: FieldReader): void {
  const clusterId = idOf(cluster);
  const configured: { node: string; name: string; volatile: boolean }[] = [];
  for (const n of cluster.indexes('spec.storage.nodes')) {
    const node = cluster.string(`spec.storage.nodes[${n}].name`);
    if (!node) continue;
    for (const d of cluster.indexes(`spec.storage.nodes[${n}].devices`)) {
      const field = `spec.storage.nodes[${n}].devices[${d}].name`;
      const name = cluster.string(field);
      if (!name) continue;
      const path = normaliseDevicePath(name);
      const disk = diskId(node, path);
      ctx.node(disk, { derived: true });
      ctx.setAttrs(disk, {
        node,
        path,
        volatileName: isVolatileDeviceName(name),
        configuredIn: clusterId,
        configuredField: field,
      });
      const nodeRef = nodeId('', 'Node', undefined, node);
      ctx.node(nodeRef, { missing: !ctx.index.has(nodeRef), apiVersion: 'v1' });
      ctx.edge({
        from: disk,
        to: nodeRef,
        type: 'in-node',
        source: cluster,
        field,
        why: `${path} is a disk in node ${node}`,
      });
      configured.push({ node, name, volatile: isVolatileDeviceName(name) });
    }
  }
  ctx.setAttrs(clusterId, {
    configuredDevices: configured,
    useAllDevices: cluster.boolean('spec.storage.useAllDevices') ?? false,
    useAllNodes: cluster.boolean('spec.storage.useAllNodes') ?? false,
    deviceFilter: cluster.string('spec.storage.deviceFilter') ?? null,
  });
}
