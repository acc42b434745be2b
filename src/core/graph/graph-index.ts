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
    const edges = this.#out.get(id) ?? [];
    return types.length === 0 ? edges : edges.filter((e) => types.includes(e.type));
  }

  in(id: string, ...types: EdgeType[]): GraphEdge[] {
    const edges = this.#in.get(id) ?? [];
    return types.length === 0 ? edges : edges.filter((e) => types.includes(e.type));
  }
}

function push(map: Map<string, GraphEdge[]>, key: string, edge: GraphEdge): void {
  const list = map.get(key);
  if (list) list.push(edge);
  else map.set(key, [edge]);
}
