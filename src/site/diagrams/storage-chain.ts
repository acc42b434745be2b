import { parseId } from '../../core/graph/ids.ts';
import { capChart, type Layer } from './cap.ts';
import { type Flowchart, type FlowEdge, type FlowNode, toMermaid } from './flowchart.ts';
import type { Diagram, DiagramLinks, Titled } from './model.ts';

/** The parts of a volume chain (content/ workload front matter) the picture needs. */
export interface ChainVolume {
  claim: string;
  capacity: string | null;
  storageClass: string | null;
  backend: string | null;
  pools: string[];
  osds: string[];
  nodes: string[];
  disks: string[];
  servedBy: string[];
}

/** Where an OSD sits (from its storage page), to draw OSD → disk → node. */
export interface OsdPlacement {
  node: string | null;
  disk: string | null;
}

const LAYERS: Record<string, Layer> = {
  workload: { priority: 0, noun: 'workloads' },
  class: { priority: 1, noun: 'classes' },
  pool: { priority: 1, noun: 'pools' },
  server: { priority: 1, noun: 'servers' },
  node: { priority: 2, noun: 'nodes' },
  osd: { priority: 3, noun: 'OSDs' },
  disk: { priority: 4, noun: 'disks' },
  claim: { priority: 5, noun: 'volumes' },
};

/** Workload → volumes → classes → pools → OSDs → disks → nodes: where its bytes live. */
export function storageChainDiagram(
  workload: Titled,
  volumes: readonly ChainVolume[],
  placementOf: (osd: string) => OsdPlacement | undefined,
  links: DiagramLinks,
): Diagram | null {
  if (volumes.length === 0) return null;
  const nodes = new Map<string, FlowNode & { layer: string }>();
  const edges = new Map<string, FlowEdge>();
  const node = (key: string, layer: string, label: string) => {
    if (!nodes.has(key)) nodes.set(key, { key, label, url: links.urlOf(key), layer });
  };
  const edge = (from: string, to: string) => edges.set(`${from}\u0000${to}`, { from, to });
  nodes.set(workload.id, {
    key: workload.id,
    label: workload.title,
    url: null,
    style: 'focus',
    layer: 'workload',
  });
  for (const v of volumes) {
    node(v.claim, 'claim', `PVC ${parseId(v.claim).name}${v.capacity ? ` ${v.capacity}` : ''}`);
    edge(workload.id, v.claim);
    let above = v.claim;
    if (v.storageClass) {
      const backend = v.backend ? ` (${v.backend})` : '';
      node(v.storageClass, 'class', `class ${parseId(v.storageClass).name}${backend}`);
      edge(v.claim, v.storageClass);
      above = v.storageClass;
    }
    for (const pool of v.pools) {
      node(pool, 'pool', `pool ${parseId(pool).name}`);
      edge(above, pool);
      for (const osd of v.osds) edge(pool, osd);
    }
    for (const server of v.servedBy) {
      node(server, 'server', `served by ${parseId(server).name}`);
      edge(above, server);
    }
    for (const osd of v.osds) {
      node(osd, 'osd', `osd.${parseId(osd).name}`);
      const placed = placementOf(osd);
      if (placed?.disk) edge(osd, placed.disk);
      if (placed?.node) edge(placed.disk ?? osd, placed.node);
    }
    for (const disk of v.disks) {
      const { host, path } = diskName(disk);
      node(disk, 'disk', `disk ${path.split('/').pop() ?? path}`);
      if (!v.osds.some((o) => placementOf(o)?.disk === disk)) edge(above, disk);
      const hostId = `core/Node//${host}`;
      if (v.nodes.includes(hostId)) edge(disk, hostId);
    }
    for (const n of v.nodes) {
      node(n, 'node', `node ${parseId(n).name}`);
      // Node-local volumes (local-path, hostPath PVs) are pinned to the node itself.
      if (v.osds.length === 0 && v.disks.length === 0) edge(above, n);
    }
  }
  const chart: Flowchart = {
    direction: 'LR',
    nodes: [...nodes.values()].map(({ layer: _, ...n }) => n),
    edges: [...edges.values()].filter((e) => nodes.has(e.from) && nodes.has(e.to)),
    groups: [],
  };
  const capped = capChart(chart, (n) => LAYERS[nodes.get(n.key)?.layer ?? 'claim'] as Layer, links.moreUrl);
  return {
    title: `Where the data of ${workload.title} lives: volumes, classes, pools, OSDs, disks and nodes`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}

/** `tierbook.io/Disk//k8s-2/dev/sdc` → host k8s-2, path /dev/sdc. */
export function diskName(id: string): { host: string; path: string } {
  const name = parseId(id).name;
  const slash = name.indexOf('/');
  return slash < 0 ? { host: '', path: name } : { host: name.slice(0, slash), path: name.slice(slash) };
}
