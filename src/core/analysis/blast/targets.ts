import { UsageError } from '../../errors.ts';
import type { GraphIndex } from '../../graph/graph-index.ts';
import { nodeId } from '../../graph/ids.ts';
import type { GraphNode } from '../../graph/model.ts';
import type { Analysis } from '../model.ts';
import { closestNames } from './closest.ts';
import type { Target, TargetType } from './model.ts';

export const TARGET_TYPES: readonly TargetType[] = [
  'osd',
  'device',
  'node',
  'pool',
  'storageclass',
  'pvc',
  'workload',
];

/** The failure domains `tierbook blast` lists with no target. */
export const FAILURE_DOMAIN_TYPES: readonly TargetType[] = ['osd', 'device', 'node', 'pool', 'storageclass'];

const FORMS: Record<TargetType, string> = {
  osd: 'osd/<id>',
  device: 'device/<node>/<path>',
  node: 'node/<name>',
  pool: 'pool/<namespace>/<name>',
  storageclass: 'storageclass/<name>',
  pvc: 'pvc/<namespace>/<name>',
  workload: 'workload/<namespace>/<Kind>/<name>',
};

const CEPH = 'ceph.rook.io';
const POOL_KINDS = new Set(['CephBlockPool', 'CephFilesystemPool']);

/**
 * Every target the inventory knows, each under its canonical text. Failure domains first
 * (OSDs, disks, nodes, pools, classes), then volumes and workloads.
 */
export function knownTargets(analysis: Analysis, types: readonly TargetType[] = TARGET_TYPES): Target[] {
  const { index } = analysis;
  const nodes = index.graph.nodes;
  const found: Target[] = [];
  const wants = new Set(types);
  const osds = nodes.filter((n) => n.group === CEPH && n.kind === 'OSD' && !n.missing);
  const osdNamespaces = new Set(osds.map((o) => o.namespace));
  if (wants.has('osd'))
    for (const osd of osds)
      found.push({ type: 'osd', text: osdText(osd, osdNamespaces.size > 1), nodes: [osd.id] });
  if (wants.has('device'))
    for (const disk of nodes.filter((n) => n.group === 'tierbook.io' && n.kind === 'Disk'))
      found.push({ type: 'device', text: `device/${disk.name}`, nodes: [disk.id] });
  if (wants.has('node'))
    for (const node of nodes.filter((n) => n.group === '' && n.kind === 'Node'))
      found.push({ type: 'node', text: `node/${node.name}`, nodes: [node.id] });
  if (wants.has('pool'))
    for (const pool of nodes.filter((n) => n.group === CEPH && POOL_KINDS.has(n.kind) && !n.missing))
      found.push({ type: 'pool', text: `pool/${pool.namespace}/${pool.name}`, nodes: [pool.id] });
  // A class claims ask for but not read (a GitOps repository without the chart that makes it)
  // is still a failure domain of those claims.
  if (wants.has('storageclass'))
    for (const sc of nodes.filter(
      (n) =>
        n.group === 'storage.k8s.io' &&
        n.kind === 'StorageClass' &&
        (!n.missing || index.in(n.id, 'uses-class').length > 0),
    ))
      found.push({ type: 'storageclass', text: `storageclass/${sc.name}`, nodes: [sc.id] });
  if (wants.has('pvc'))
    for (const pvc of nodes.filter((n) => n.group === '' && n.kind === 'PersistentVolumeClaim' && !n.missing))
      found.push({ type: 'pvc', text: `pvc/${pvc.namespace}/${pvc.name}`, nodes: [pvc.id] });
  if (wants.has('workload'))
    for (const w of analysis.workloads)
      found.push({
        type: 'workload',
        text: `workload/${w.node.namespace}/${w.node.kind}/${w.node.name}`,
        nodes: [w.id],
      });
  return found;
}

function osdText(osd: GraphNode, qualify: boolean): string {
  return qualify ? `osd/${osd.namespace}/${osd.name}` : `osd/${osd.name}`;
}

/**
 * Resolves a target as typed (ARCHITECTURE.md section 3) to graph nodes. A target the
 * inventory does not hold is a usage error that names the closest known targets.
 */
export function resolveTarget(analysis: Analysis, typed: string): Target {
  const text = canonicalTarget(typed);
  const slash = text.indexOf('/');
  const type = (slash < 0 ? text : text.slice(0, slash)) as TargetType;
  const rest = slash < 0 ? '' : text.slice(slash + 1);
  if (!TARGET_TYPES.includes(type)) {
    throw new UsageError(
      `unknown target "${text}": a target is one of ${TARGET_TYPES.map((t) => FORMS[t]).join(', ')}`,
    );
  }
  const nodes = rest ? RESOLVERS[type](analysis, rest) : [];
  if (nodes.length > 0) return { type, text, nodes };
  const candidates = knownTargets(analysis, [type]).map((t) => t.text);
  const pool = candidates.length > 0 ? candidates : knownTargets(analysis).map((t) => t.text);
  const closest = closestNames(text, pool);
  throw new UsageError(
    `target "${text}" is not in the inventory (expected ${FORMS[type]})${
      closest.length > 0 ? `; closest: ${closest.join(', ')}` : ''
    }`,
  );
}

/** Ceph's own spelling of an OSD, `osd.3`, is `osd/3`. */
function canonicalTarget(text: string): string {
  const ceph = /^osd\.(\d+)$/.exec(text);
  return ceph ? `osd/${ceph[1]}` : text;
}

type Resolver = (analysis: Analysis, rest: string) => string[];

const RESOLVERS: Record<TargetType, Resolver> = {
  osd: ({ index }, rest) => {
    const parts = rest.split('/');
    const [namespace, id] = parts.length === 2 ? parts : [undefined, parts[0]];
    const osds = index.graph.nodes.filter(
      (n) =>
        n.group === CEPH &&
        n.kind === 'OSD' &&
        !n.missing &&
        n.name === id &&
        (namespace === undefined || n.namespace === namespace),
    );
    if (osds.length > 1) {
      throw new UsageError(
        `target "osd/${rest}" is ambiguous: ${osds.map((o) => `osd/${o.namespace}/${o.name}`).join(', ')}`,
      );
    }
    return osds.map((o) => o.id);
  },
  device: ({ index }, rest) => resolveDevice(index, rest),
  // A node named by an OSD but not read is still a failure domain.
  node: ({ index }, rest) => {
    const id = nodeId('', 'Node', undefined, rest);
    return index.node(id) ? [id] : [];
  },
  pool: ({ index }, rest) => {
    const [namespace, ...name] = rest.split('/');
    const wanted = name.join('/');
    return index.graph.nodes
      .filter(
        (n) =>
          n.group === CEPH &&
          POOL_KINDS.has(n.kind) &&
          !n.missing &&
          n.namespace === namespace &&
          (n.name === wanted || n.attrs.poolName === wanted),
      )
      .map((n) => n.id);
  },
  storageclass: ({ index }, rest) => {
    const id = nodeId('storage.k8s.io', 'StorageClass', undefined, rest);
    return existing(index, id).length > 0 || (index.node(id) && index.in(id, 'uses-class').length > 0)
      ? [id]
      : [];
  },
  pvc: ({ index }, rest) => {
    const [namespace = '', ...name] = rest.split('/');
    const id = nodeId('', 'PersistentVolumeClaim', namespace, name.join('/'));
    // A claim modelled from a spec (manifests only) is named in answers, so it can be a target.
    return typeof index.node(id)?.attrs.modelled === 'string' ? [id] : existing(index, id);
  },
  workload: (analysis, rest) => {
    const [namespace = '', kind = '', ...name] = rest.split('/');
    return [...(workloadsByName(analysis).get(workloadName(namespace, kind, name.join('/'))) ?? [])];
  },
};

/** A workload's name as a target finds it: namespace, kind in any case, name. */
function workloadName(namespace: string, kind: string, name: string): string {
  return `${namespace}\n${kind.toLowerCase()}\n${name}`;
}

/** Each analysis's workloads by the name a target gives, in the analysis's order: made once. */
const byName = new WeakMap<Analysis, Map<string, string[]>>();

function workloadsByName(analysis: Analysis): Map<string, string[]> {
  let found = byName.get(analysis);
  if (found === undefined) {
    found = new Map();
    for (const w of analysis.workloads) {
      const key = workloadName(w.node.namespace, w.node.kind, w.node.name);
      found.set(key, [...(found.get(key) ?? []), w.id]);
    }
    byName.set(analysis, found);
  }
  return found;
}

function existing(index: GraphIndex, id: string): string[] {
  const node = index.node(id);
  return node && !node.missing ? [id] : [];
}

/**
 * `device/<node>/<path>`: the path as recorded (`/dev/disk/by-id/…`, `/dev/sdc`), with or
 * without `/dev/`, or just the by-id name or kernel name (`sdc`).
 */
function resolveDevice(index: GraphIndex, rest: string): string[] {
  const slash = rest.indexOf('/');
  if (slash < 0) return [];
  const node = rest.slice(0, slash);
  const typed = rest.slice(slash + 1).replace(/^\/+/, '');
  const full = typed.startsWith('dev/') ? `/${typed}` : `/dev/${typed}`;
  return index.graph.nodes
    .filter((n) => n.group === 'tierbook.io' && n.kind === 'Disk' && n.attrs.node === node)
    .filter((n) => {
      const path = String(n.attrs.path ?? '');
      return path === full || (!typed.includes('/') && path.split('/').pop() === typed);
    })
    .map((n) => n.id);
}
