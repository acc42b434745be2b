import type { GraphIndex } from '../../graph/graph-index.ts';
import { nodeId, qualifiedName } from '../../graph/ids.ts';
import type { GraphNode } from '../../graph/model.ts';
import type { Json } from '../../model.ts';
import { compare } from '../../order.ts';
import type { Workload } from '../workloads.ts';

/** What the tier rules read about one workload, gathered once. */
export interface WorkloadFacts {
  workload: Workload;
  node: GraphNode;
  kind: string;
  namespace: string;
  name: string;
  /** "Deployment auth/authentik-server": how reasons name it. */
  title: string;
  /** Container images of the workload and everything it owns (an operator's pods), sorted. */
  images: string[];
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  /** The workload's Namespace, when it was read. */
  namespaceNode: GraphNode | undefined;
}

export function gatherFacts(index: GraphIndex, workload: Workload): WorkloadFacts {
  const { node } = workload;
  const images = new Set<string>();
  for (const id of [workload.id, ...workload.members]) {
    for (const image of stringsOf(index.node(id)?.attrs.images)) images.add(image);
  }
  return {
    workload,
    node,
    kind: node.kind,
    namespace: node.namespace,
    name: node.name,
    title: workloadTitle(workload.id),
    images: [...images].sort(compare),
    labels: node.missing ? ownedLabels(index, workload.id) : recordOf(node.attrs.labels),
    annotations: recordOf(node.attrs.annotations),
    namespaceNode: node.namespace
      ? index.node(nodeId('', 'Namespace', undefined, node.namespace))
      : undefined,
  };
}

/**
 * An owner that was not read (a Prometheus or other operator resource tierbook does not read)
 * has no labels: what it directly owns and was read (the StatefulSet) says what it is.
 */
function ownedLabels(index: GraphIndex, id: string): Record<string, string> {
  const labels: Record<string, string> = {};
  const owned = index
    .out(id, 'owns')
    .map((e) => e.to)
    .sort(compare);
  for (const child of owned) {
    const node = index.node(child);
    if (!node || node.missing) continue;
    for (const [key, value] of Object.entries(recordOf(node.attrs.labels))) labels[key] ??= value;
  }
  return labels;
}

/** "Deployment auth/authentik-server" from a workload's node id. */
export function workloadTitle(id: string): string {
  const kind = id.split('/')[1] ?? '';
  return `${kind} ${qualifiedName(id)}`;
}

export function recordOf(value: Json | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) if (typeof inner === 'string') out[key] = inner;
  }
  return out;
}

function stringsOf(value: Json | undefined): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}
