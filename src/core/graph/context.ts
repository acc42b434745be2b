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
  /** Edges by the node they leave (an edge is its from, type, to and field: the first kept). */
  readonly #edges = new Map<string, GraphEdge[]>();
  /** `type, to, field` of the edges leaving a node with many, to find a repeat without a scan. */
  readonly #manyEdges = new Map<string, Set<string>>();
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
    // Most nodes have a few edges out: a repeat is found by looking at them, without making a
    // key string for each of the graph's ~100,000 edges; a node with many keeps a set of keys.
    let list = this.#edges.get(spec.from);
    if (!list) {
      list = [];
      this.#edges.set(spec.from, list);
    } else if (list.length < MANY_EDGES) {
      for (const e of list) if (e.to === spec.to && e.type === spec.type && e.field === spec.field) return;
    } else {
      let keys = this.#manyEdges.get(spec.from);
      if (!keys) {
        keys = new Set(list.map((e) => `${e.type}\0${e.to}\0${e.field}`));
        this.#manyEdges.set(spec.from, keys);
      }
      const key = `${spec.type}\0${spec.to}\0${spec.field}`;
      if (keys.has(key)) return;
      keys.add(key);
    }
    list.push({
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
    const edges: GraphEdge[] = [];
    for (const list of this.#edges.values()) for (const edge of list) edges.push(edge);
    for (const edge of edges) edge.why = redactUrlsIn(edge.why);
    for (const d of this.#dangling.values()) d.message = redactUrlsIn(d.message);
    edges.sort(
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
/** Edges out of one node past which repeats are found through a set of keys. */
const MANY_EDGES = 16;

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
