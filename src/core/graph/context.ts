import type { FieldReader } from '../fields.ts';
import type { Json } from '../model.ts';
import { groupOf } from '../model.ts';
import { compare } from '../order.ts';
import { redactUrlsIn, redactUrlsInJson } from '../url-credentials.ts';
import { parseId } from './ids.ts';
import type { Dangling, EdgeType, Graph, GraphEdge, GraphNode } from './model.ts';
import { idOf, type ObjectIndex } from './object-index.ts';

/** Sorting order; the ground-floor definition is src/core/order.ts. */
export { compare } from '../order.ts';

export interface EdgeSpec {
  from: string;
  to: string;
  type: EdgeType;
  /** The object whose field produced the edge. */
  source: FieldReader | string;
  field: string;
  why: string;
}

/**
 * What extractors and backends write into while the graph is built. Nodes are created on
 * first mention and merged; the final graph is sorted so output never depends on input order.
 */
export class BuildContext {
  readonly index: ObjectIndex;
  readonly #nodes = new Map<string, GraphNode>();
  readonly #edges = new Map<string, GraphEdge>();
  readonly #dangling = new Map<string, Dangling>();

  constructor(index: ObjectIndex) {
    this.index = index;
    for (const reader of index.all()) this.objectNode(reader);
  }

  /** The node of an object that is in the inventory. */
  objectNode(reader: FieldReader): GraphNode {
    const id = idOf(reader);
    const existing = this.#nodes.get(id);
    if (existing) return existing;
    const { apiVersion, kind, metadata } = reader.object;
    const node: GraphNode = {
      id,
      group: groupOf(apiVersion),
      kind,
      namespace: metadata.namespace ?? '',
      name: metadata.name ?? '',
      apiVersion,
      attrs: {},
    };
    const labels = keptMetadata(metadata.labels);
    const annotations = keptMetadata(metadata.annotations);
    if (labels) node.attrs.labels = labels;
    if (annotations) node.attrs.annotations = annotations;
    this.#nodes.set(id, node);
    return node;
  }

  /**
   * A node by id: the object's if it was read, else a derived node (an OSD, a disk) or, with
   * `missing`, a placeholder for something referenced but not in the inventory.
   */
  node(id: string, how: { derived?: boolean; missing?: boolean; apiVersion?: string } = {}): GraphNode {
    const existing = this.#nodes.get(id);
    if (existing) return existing;
    const parsed = parseId(id);
    const node: GraphNode = { id, ...parsed, attrs: {} };
    if (how.apiVersion) node.apiVersion = how.apiVersion;
    if (how.derived) node.derived = true;
    if (how.missing) node.missing = true;
    this.#nodes.set(id, node);
    return node;
  }

  /** Nodes so far, in no particular order (backends read derived nodes from earlier steps). */
  currentNodes(): GraphNode[] {
    return [...this.#nodes.values()];
  }

  hasNode(id: string): boolean {
    return this.#nodes.has(id);
  }

  setAttrs(id: string, attrs: Record<string, Json | undefined>): void {
    const node = this.node(id);
    for (const [key, value] of Object.entries(attrs)) if (value !== undefined) node.attrs[key] = value;
  }

  edge(spec: EdgeSpec): void {
    const source = typeof spec.source === 'string' ? spec.source : idOf(spec.source);
    const key = `${spec.from}\0${spec.type}\0${spec.to}\0${spec.field}`;
    if (this.#edges.has(key)) return;
    this.#edges.set(key, {
      from: spec.from,
      to: spec.to,
      type: spec.type,
      source,
      field: spec.field,
      why: spec.why,
    });
  }

  dangling(source: FieldReader | string, field: string, message: string): void {
    const object = typeof source === 'string' ? source : idOf(source);
    this.#dangling.set(`${object}\0${field}\0${message}`, { object, field, message });
  }

  /**
   * The graph, sorted. Every text in it passes through `redactUrlsIn` here, the one place every
   * extractor, backend and backup adapter goes through: no URL credential reaches an output.
   */
  toGraph(): Graph {
    const nodes = [...this.#nodes.values()].sort((a, b) => compare(a.id, b.id));
    for (const node of nodes) node.attrs = redactUrlsInJson(sortKeys(node.attrs)) as Record<string, Json>;
    for (const edge of this.#edges.values()) edge.why = redactUrlsIn(edge.why);
    for (const d of this.#dangling.values()) d.message = redactUrlsIn(d.message);
    const edges = [...this.#edges.values()].sort(
      (a, b) =>
        compare(a.from, b.from) ||
        compare(a.type, b.type) ||
        compare(a.to, b.to) ||
        compare(a.field, b.field),
    );
    const dangling = [...this.#dangling.values()].sort(
      (a, b) => compare(a.object, b.object) || compare(a.field, b.field) || compare(a.message, b.message),
    );
    return { nodes, edges, dangling };
  }
}

/**
 * Labels and annotations worth carrying into the graph: the recommended `app.kubernetes.io/*`
 * set, `app`, and tierbook's own overrides. The rest (hashes, checksums) is noise.
 */
function keptMetadata(map: Record<string, string> | undefined): Record<string, string> | undefined {
  if (!map) return undefined;
  const kept = Object.entries(map)
    .filter(
      ([key, value]) =>
        typeof value === 'string' &&
        (key === 'app' || key.startsWith('app.kubernetes.io/') || key.startsWith('tierbook.io/')),
    )
    .sort(([a], [b]) => compare(a, b));
  return kept.length > 0 ? Object.fromEntries(kept) : undefined;
}

function sortKeys(attrs: Record<string, Json>): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const key of Object.keys(attrs).sort(compare)) out[key] = attrs[key] as Json;
  return out;
}
