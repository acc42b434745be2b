import type { EdgeType, Graph, GraphEdge, GraphNode } from './model.ts';

/**
 * A graph's nodes by id and each node's edges out and in (each list in graph.edges's order):
 * an index made another way than from graph.nodes and graph.edges.
 */
export interface GraphLookup {
  node(id: string): GraphNode | undefined;
  out(id: string): GraphEdge[];
  in(id: string): GraphEdge[];
}

/** Adjacency over a built graph, for analyses that walk it. Built once, O(nodes + edges). */
export class GraphIndex {
  readonly graph: Graph;
  readonly #nodes = new Map<string, GraphNode>();
  readonly #out = new Map<string, GraphEdge[]>();
  readonly #in = new Map<string, GraphEdge[]>();
  readonly #lookup: GraphLookup | null;

  /** `lookup`, when given, answers instead of an index of graph.nodes and graph.edges. */
  constructor(graph: Graph, lookup: GraphLookup | null = null) {
    this.graph = graph;
    this.#lookup = lookup;
    if (lookup) return;
    for (const node of graph.nodes) this.#nodes.set(node.id, node);
    for (const edge of graph.edges) {
      push(this.#out, edge.from, edge);
      push(this.#in, edge.to, edge);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.#lookup ? this.#lookup.node(id) : this.#nodes.get(id);
  }

  out(id: string, ...types: EdgeType[]): GraphEdge[] {
    return ofTypes(this.#lookup ? this.#lookup.out(id) : this.#out.get(id), types);
  }

  in(id: string, ...types: EdgeType[]): GraphEdge[] {
    return ofTypes(this.#lookup ? this.#lookup.in(id) : this.#in.get(id), types);
  }
}

/** The edges of those types (all when none is given); a loop, not a filter: analyses call it most. */
function ofTypes(edges: GraphEdge[] | undefined, types: readonly EdgeType[]): GraphEdge[] {
  if (edges === undefined) return [];
  if (types.length === 0) return edges;
  const found: GraphEdge[] = [];
  if (types.length === 1) {
    const type = types[0];
    for (const edge of edges) if (edge.type === type) found.push(edge);
  } else for (const edge of edges) if (types.includes(edge.type)) found.push(edge);
  return found;
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}

/**
 * Nodes, and edges as rows of three (from, to, type), each end a position in `nodes` or, for a
 * node not among them, its id: the guard's saved context (saved-context.ts). A node's edges are made
 * when first asked for, from positions counted once: a decision reads the edges of a few
 * nodes, and making tens of thousands of edge objects and lists up front was most of its index.
 * Edges carry no source, field or why. Throws on a position outside `nodes`.
 */
export class RowEdges implements GraphLookup {
  readonly #rows: readonly (number | string)[];
  readonly #nodes: readonly GraphNode[];
  /** Node id → its position (the last, as GraphIndex keeps the last node of an id). */
  readonly #position = new Map<string, number>();
  readonly #made: GraphEdge[] = [];
  readonly #out: Adjacent;
  readonly #in: Adjacent;

  constructor(nodes: readonly GraphNode[], rows: readonly (number | string)[]) {
    if (rows.length % 3 !== 0) throw new Error('edges are not in threes');
    this.#rows = rows;
    this.#nodes = nodes;
    for (let at = 0; at < nodes.length; at++) this.#position.set((nodes[at] as GraphNode).id, at);
    // Nodes of one id share one list, the last's, as GraphIndex keeps the last node of an id.
    // (A loop: Int32Array.from with a function took tens of ms for 14,000 nodes.)
    const last = new Int32Array(nodes.length);
    for (let at = 0; at < nodes.length; at++)
      last[at] = this.#position.get((nodes[at] as GraphNode).id) as number;
    this.#out = adjacent(rows, 0, last);
    this.#in = adjacent(rows, 1, last);
  }

  node(id: string): GraphNode | undefined {
    const at = this.#position.get(id);
    return at === undefined ? undefined : this.#nodes[at];
  }

  out(id: string): GraphEdge[] {
    return this.#edges(this.#out, id);
  }

  in(id: string): GraphEdge[] {
    return this.#edges(this.#in, id);
  }

  /** Every edge, in row order. */
  all(): GraphEdge[] {
    const edges: GraphEdge[] = [];
    for (let edge = 0; edge < this.#rows.length / 3; edge++) edges.push(this.#edge(edge));
    return edges;
  }

  #edges(side: Adjacent, id: string): GraphEdge[] {
    const at = this.#position.get(id);
    if (at === undefined) {
      let list = side.madeById.get(id);
      if (!list) {
        list = (side.byId.get(id) ?? []).map((edge) => this.#edge(edge));
        side.madeById.set(id, list);
      }
      return list;
    }
    let list = side.made[at];
    if (!list) {
      list = [];
      for (let i = side.start[at] as number; i < (side.start[at + 1] as number); i++)
        list.push(this.#edge(side.edges[i] as number));
      side.made[at] = list;
    }
    return list;
  }

  #edge(edge: number): GraphEdge {
    const made = this.#made[edge];
    if (made) return made;
    const rows = this.#rows;
    const end = (value: number | string | undefined): string =>
      typeof value === 'string' ? value : (this.#nodes[value as number] as GraphNode).id;
    const edgeMade: GraphEdge = {
      from: end(rows[edge * 3]),
      to: end(rows[edge * 3 + 1]),
      type: rows[edge * 3 + 2] as EdgeType,
      source: '',
      field: '',
      why: '',
    };
    this.#made[edge] = edgeMade;
    return edgeMade;
  }
}

/**
 * One side's edges by node: a kept node's edge numbers at `edges[start[at]..start[at + 1]]`,
 * another id's in `byId`; the lists made from them kept in `made` and `madeById`.
 */
interface Adjacent {
  start: Int32Array;
  edges: Int32Array;
  byId: Map<string, number[]>;
  made: (GraphEdge[] | undefined)[];
  madeById: Map<string, GraphEdge[]>;
}

function adjacent(rows: readonly (number | string)[], side: 0 | 1, last: Int32Array): Adjacent {
  const count = rows.length / 3;
  const nodes = last.length;
  const start = new Int32Array(nodes + 1);
  const byId = new Map<string, number[]>();
  for (let edge = 0; edge < count; edge++) {
    const end = rows[edge * 3 + side];
    if (typeof end === 'number') {
      if (!Number.isInteger(end) || end < 0 || end >= nodes) throw new Error(`no node ${end}`);
      (start[(last[end] as number) + 1] as number)++;
    } else if (typeof end !== 'string') throw new Error(`an edge's end is ${typeof end}`);
  }
  for (let at = 0; at < nodes; at++) start[at + 1] = (start[at + 1] as number) + (start[at] as number);
  const next = start.slice(0, nodes);
  const edges = new Int32Array(start[nodes] as number);
  for (let edge = 0; edge < count; edge++) {
    const end = rows[edge * 3 + side];
    if (typeof end === 'number') edges[(next[last[end] as number] as number)++] = edge;
    else {
      const list = byId.get(end as string);
      if (list) list.push(edge);
      else byId.set(end as string, [edge]);
    }
  }
  return { start, edges, byId, made: [], madeById: new Map() };
}
