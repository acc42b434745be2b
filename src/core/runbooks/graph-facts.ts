import type { Protection } from '../analysis/backups/model.ts';
import { workloadsUsingClaim } from '../analysis/claim-users.ts';
import type { Analysis } from '../analysis/model.ts';
import { claimsOf } from '../analysis/storage-chain.ts';
import { workloadTitle } from '../analysis/tiers/facts.ts';
import { compare } from '../graph/context.ts';
import { parseId, qualifiedName } from '../graph/ids.ts';
import type { GraphNode } from '../graph/model.ts';
import { appsSigningInThrough } from './dependents.ts';

/**
 * Facts the runbook placeholders read from the graph (docs/runbooks.md, Placeholders). Each
 * returns null when the inventory does not hold the fact: the binder makes that a fill-in.
 */

const CEPH = 'ceph.rook.io';
export const BY_ID = '/dev/disk/by-id/';

export function isOsd(n: GraphNode | undefined): n is GraphNode {
  return n?.group === CEPH && n.kind === 'OSD';
}

/** The CephCluster an OSD or pool is part of, or the one a node's OSDs or a disk's OSD belong to. */
export function cephClusterOf(analysis: Analysis, node: GraphNode): GraphNode | null {
  const { index } = analysis;
  const direct = (id: string) =>
    index
      .out(id, 'part-of')
      .map((e) => index.node(e.to))
      .filter((n): n is GraphNode => n?.kind === 'CephCluster');
  let found: GraphNode[] = [];
  if (node.kind === 'OSD' || node.kind === 'CephBlockPool' || node.kind === 'CephFilesystemPool')
    found = direct(node.id);
  else if (node.kind === 'Node') found = osdsOnNode(analysis, node.id).flatMap((o) => direct(o.id));
  else if (node.kind === 'Disk') {
    found = osdsOnDisk(analysis, node.id).flatMap((o) => direct(o.id));
    const configured = node.attrs.configuredIn;
    if (found.length === 0 && typeof configured === 'string') {
      const cluster = index.node(configured);
      if (cluster) found = [cluster];
    }
  }
  const unique = [...new Map(found.map((n) => [n.id, n])).values()];
  return unique.length === 1 ? (unique[0] ?? null) : null;
}

export function osdsOnNode(analysis: Analysis, nodeId: string): GraphNode[] {
  return analysis.index
    .in(nodeId, 'runs-on')
    .map((e) => analysis.index.node(e.from))
    .filter(isOsd)
    .sort((a, b) => Number(a.name) - Number(b.name) || compare(a.id, b.id));
}

export function osdsOnDisk(analysis: Analysis, diskId: string): GraphNode[] {
  return analysis.index
    .in(diskId, 'on-device')
    .map((e) => analysis.index.node(e.from))
    .filter(isOsd);
}

/** The disk node an OSD sits on. */
export function diskOf(analysis: Analysis, osd: GraphNode): GraphNode | null {
  const id = analysis.index.out(osd.id, 'on-device')[0]?.to;
  return (id && analysis.index.node(id)) || null;
}

/** The by-id path when the recorded path is one; never derived from a kernel name. */
export function byIdPath(path: string | null): string | null {
  return path?.startsWith(BY_ID) ? path : null;
}

export function stringAttr(node: GraphNode | null | undefined, name: string): string | null {
  const v = node?.attrs[name];
  return typeof v === 'string' && v !== '' ? v : typeof v === 'number' ? String(v) : null;
}

/** Pools that may place data on an OSD, by their Ceph names. */
export function poolsOfOsd(analysis: Analysis, osd: GraphNode): string[] {
  return analysis.index
    .in(osd.id, 'placed-on')
    .map((e) => analysis.index.node(e.from))
    .filter((n): n is GraphNode => !!n)
    .map((p) => stringAttr(p, 'poolName') ?? p.name)
    .sort(compare);
}

/** Storage classes whose volumes are stored in the pool, or whose parameters name it. */
export function storageClassesOfPool(analysis: Analysis, pool: GraphNode): string[] {
  const { index } = analysis;
  const names = new Set<string>();
  for (const pv of index.in(pool.id, 'stored-in'))
    for (const sc of index.out(pv.from, 'uses-class')) names.add(parseId(sc.to).name);
  const poolName = stringAttr(pool, 'poolName') ?? pool.name;
  for (const sc of index.graph.nodes.filter((n) => n.kind === 'StorageClass' && !n.missing)) {
    const params = sc.attrs.parameters;
    if (params && typeof params === 'object' && !Array.isArray(params)) {
      const p = params as Record<string, unknown>;
      if ((p.pool === poolName || p.dataPool === poolName) && p.clusterID === pool.namespace)
        names.add(sc.name);
    }
  }
  return [...names].sort(compare);
}

/** Node-local claims on a node (PVs pinned to it), each with the workloads that mount it. */
export function localVolumesOn(analysis: Analysis, nodeId: string): string[] {
  const { index } = analysis;
  const out = new Set<string>();
  for (const pin of index.in(nodeId, 'pinned-to')) {
    for (const bound of index.in(pin.from, 'bound-to')) {
      const users = workloadsUsingClaim(analysis, bound.from).map((id) => workloadTitle(id));
      out.add(`PVC ${qualifiedName(bound.from)}${users.length > 0 ? ` (${users.join(', ')})` : ''}`);
    }
  }
  return [...out].sort(compare);
}

/** Pods of a workload, by name. */
export function instancesOf(analysis: Analysis, workloadId: string): string[] {
  const w = analysis.workloadById.get(workloadId);
  if (!w) return [];
  return w.members
    .map((id) => analysis.index.node(id))
    .filter((n): n is GraphNode => n?.kind === 'Pod' && n.group === '')
    .map((n) => n.name)
    .sort(compare);
}

export function claimsOfWorkload(analysis: Analysis, workloadId: string): string[] {
  const w = analysis.workloadById.get(workloadId);
  return w ? claimsOf(analysis.index, w).map(qualifiedName) : [];
}

/** Workloads that sign in through this one or sit behind its forward-auth. */
export function appsBehind(analysis: Analysis, workloadId: string): string[] {
  return appsSigningInThrough(analysis, workloadId)
    .map((app) => workloadTitle(app))
    .sort(compare);
}

/** Whether apps sign in through the workload, or its tier was set as an identity provider. */
export function isIdentityProvider(analysis: Analysis, workloadId: string): boolean {
  return (
    appsBehind(analysis, workloadId).length > 0 ||
    /identity provider/.test(analysis.tiers.get(workloadId)?.reason ?? '')
  );
}

/** The protections of a workload, those of `system` first when given. */
export function protectionsOf(analysis: Analysis, workloadId: string, system: string | null): Protection[] {
  const all = [...(analysis.protections.get(workloadId) ?? [])];
  return system ? all.filter((p) => p.system === system) : all;
}

/** Where a protection's copies go, as a person can find them. */
export function destinationText(p: Protection): string | null {
  if (p.destination.url) return p.destination.url;
  if (p.destination.node) return `${parseId(p.destination.node).kind} ${qualifiedName(p.destination.node)}`;
  return null;
}
