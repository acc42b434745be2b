import type { EdgeType, Graph, GraphEdge, GraphNode } from './model.ts';

/** Adjacency over a built graph, for analyses that walk it. Built once, O(nodes + edges). */
export class GraphIndex {
  readonly graph: Graph;
  readonly #nodes = new Map<string, GraphNode>();
  readonly #out = new Map<string, GraphEdge[]>();
  readonly #in = new Map<string, GraphEdge[]>();

  constructor(graph: Graph) {
    this.graph = graph;
    for (const node of graph.nodes) this.#nodes.set(node.id, node);
    for (const edge of graph.edges) {
      push(this.#out, edge.from, edge);
      push(this.#in, edge.to, edge);
    }
  }

  node(id: string): GraphNode | undefined {
    return this.#nodes.get(id);
  }

  out(id: string, ...types: EdgeType[]): GraphEdge[] {
    return ofTypes(this.#out.get(id), types);
  }

  in(id: string, ...types: EdgeType[]): GraphEdge[] {
    return ofTypes(this.#in.get(id), types);
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
