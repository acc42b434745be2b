import type { Protection } from '../analysis/backups/model.ts';
import { adoptBlastContext, type ClaimStorage, type WorkloadShape } from '../analysis/blast/context.ts';
import type { Dependency } from '../analysis/dependencies.ts';
import type { Analysis } from '../analysis/model.ts';
import type { RestoreEvidence } from '../analysis/restores/model.ts';
import type { TierDecision } from '../analysis/tiers/model.ts';
import { parseConfig } from '../config/parse.ts';
import type { Placement } from '../graph/backends/placement.ts';
import { GraphIndex, RowEdges } from '../graph/graph-index.ts';
import { nodeId } from '../graph/ids.ts';
import type { Graph, GraphEdge, GraphNode } from '../graph/model.ts';
import type { SavedInventory } from '../graph/saved-inventory.ts';
import { number, readShape, record, text } from '../schemas/shape.ts';

/**
 * content/guard-context.json: what `tierbook guard --content` reads of graph.json and its
 * analysis, saved ahead (workloads, dependencies, tiers, backups, restores, the blast radius's
 * preparation, and only the graph nodes and edges a decision reads: saved-graph.ts), so a
 * destructive command is answered without reading or re-analysing the whole graph. It is a
 * cache: a first line (the stamp) says which graph.json bytes, which tierbook and which format
 * it was made from, and a SHA-256 of the rest; the guard uses it only when all of that matches
 * exactly, and otherwise answers from graph.json as if it were not there. Deleting it is
 * always safe.
 */
export const GUARD_CONTEXT_FILE = 'guard-context.json';

/** Bumped whenever the body's layout changes: a reader uses only its own format. */
export const GUARD_CONTEXT_FORMAT = 4;

const STAMP = record({
  format: number,
  tierbook: text,
  /** SHA-256 (hex) of the exact bytes of the graph.json it was computed from. */
  graph: text,
  /** graph.json's size in bytes: a graph.json of another size is stale before it is hashed. */
  graphBytes: number,
  /** SHA-256 (hex) of everything after the stamp's line: an edited body is not used. */
  body: text,
});

/** SHA-256 in hex of a text's UTF-8 bytes (or of bytes): given by the caller, the core loads no crypto. */
export type Digest = (data: string | Uint8Array) => string;

/** What a saved context gives the guard: graph.json's head, its warnings, and the analysis. */
export interface GuardContext {
  /** graph.json without its graph: cluster, time taken, configuration, what was not read. */
  head: Omit<SavedInventory, 'graph'>;
  /** What `warnLeftOut` says of graph.json's graph (objects left out for a field's type). */
  leftOut: string[];
  /**
   * The analysis `analyze(graph, { config, now })` would make, its blast preparation adopted.
   * Its index holds only the nodes and edges a guard decision reads (saved-graph.ts), and
   * those edges carry no `source`, `field` or `why`: it is the guard's, not for other uses.
   */
  analysis: Analysis;
}

export interface GuardContextBody {
  saved: Omit<SavedInventory, 'graph'>;
  /** graphHoldsCoreKind of graph.json's nodes: the full path refuses an empty inventory. */
  holdsCoreKind: boolean;
  leftOut: string[];
  /**
   * Each with its `id` (the string the rest of the body names it by, from `values`); a node
   * without one is given nodeId(group, kind, namespace, name).
   */
  nodes: GraphNode[];
  /**
   * Three values an edge, one array for all (not an array each): its ends by node position
   * (or id, for an end not saved) and its type.
   */
  edges: (number | string)[];
  workloads: [string, string[]][];
  dependencies: [string, Dependency[]][];
  /** Whole, each keyed by its `workload` (no pair each to take apart and copy). */
  tiers: TierDecision[];
  protections: [string, Protection[]][];
  restores: [string, RestoreEvidence[]][];
  ignoredDrills: string[];
  blast: {
    /** Whole, each keyed by its `id`. */
    shapes: WorkloadShape[];
    /** Whole, each keyed by its `claim`, its placement by position in `placements`. */
    claims: SavedClaim[];
    /** The distinct placements: a large cluster's thousands of claims sit in a few pools and nodes. */
    placements: Placement[];
    osdsOf: [string, number][];
    deploymentOwners: [string, string][];
  };
  /**
   * Every string and number of the body, once. As written, each string or number anywhere
   * else in the body is a position in this table (booleans, nulls, keys and structure are as
   * they are); as read (`valuesOf`), they are the values again.
   */
  values: (string | number)[];
}

/** A claim's storage as saved: its placement by position in the body's `placements`. */
export type SavedClaim = Omit<ClaimStorage, 'placement'> & { placement: number };

/**
 * The saved context when its stamp matches exactly the graph.json (its size and digest), the
 * running tierbook and this format, and its body its checksum; otherwise why not: the caller
 * then answers from graph.json. `graph` is called only once the rest of the stamp matched (it
 * reads and hashes graph.json). Never throws: whatever is wrong with a cache is a reason not
 * to use it, not an error.
 */
export function readGuardContext(
  file: string | Uint8Array,
  expected: { graphBytes: number; graph: () => string; tierbook: string; now: string },
  digest: Digest,
): GuardContext | { unused: string } {
  try {
    // Bytes, not text: the body's checksum is taken before a character of it is decoded.
    const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
    const end = bytes.indexOf(NEWLINE);
    if (end < 0) return { unused: 'it has no stamp line' };
    const utf8 = new TextDecoder('utf-8', { fatal: true });
    const stamp = readShape(STAMP, GUARD_CONTEXT_FILE, JSON.parse(utf8.decode(bytes.subarray(0, end))));
    if (stamp.format !== GUARD_CONTEXT_FORMAT)
      return { unused: `format ${stamp.format}, this tierbook reads ${GUARD_CONTEXT_FORMAT}` };
    if (stamp.tierbook !== expected.tierbook)
      return { unused: `made by tierbook ${stamp.tierbook}, this is ${expected.tierbook}` };
    if (stamp.graphBytes !== expected.graphBytes || stamp.graph !== expected.graph())
      return { unused: 'graph.json changed since it was made' };
    const bodyBytes = bytes.subarray(end + 1);
    if (digest(bodyBytes) !== stamp.body) return { unused: 'its body does not match its checksum' };
    const body = valuesOf(JSON.parse(utf8.decode(bodyBytes))) as GuardContextBody;
    const context = contextOf(body, expected.now);
    // The full path refuses an inventory that holds nothing; so does this one, saying so.
    if (body.holdsCoreKind === false) return { unused: 'the inventory holds no core kind' };
    if (body.holdsCoreKind !== true) return { unused: 'it does not read (no holdsCoreKind)' };
    return context;
  } catch (error) {
    return { unused: `it does not read (${error instanceof Error ? error.message : String(error)})` };
  }
}

const NEWLINE = 0x0a;

/**
 * The body as saved, each string and number (a position in its `values`) replaced in place
 * by the value there. Throws on a body without a table or with a position outside it.
 */
function valuesOf(body: unknown): unknown {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) throw new Error('not an object');
  const sections = body as Record<string, unknown>;
  const { values } = sections;
  if (!Array.isArray(values)) throw new Error('no value table');
  const value = (at: number): unknown => {
    const found: unknown = values[at];
    if (found === undefined) throw new Error(`no value ${at}`);
    return found;
  };
  const inPlace = (holder: unknown[] | Record<string, unknown>): void => {
    if (Array.isArray(holder)) {
      for (let i = 0; i < holder.length; i++) {
        const item = holder[i];
        if (typeof item === 'number') holder[i] = value(item);
        else if (item !== null && typeof item === 'object') inPlace(item as Record<string, unknown>);
      }
      return;
    }
    // for…in allocates no list of keys; a parsed object has no enumerable inherited key.
    for (const key in holder) {
      const item = holder[key];
      if (typeof item === 'number') holder[key] = value(item);
      else if (item !== null && typeof item === 'object') inPlace(item as Record<string, unknown>);
    }
  };
  for (const key of Object.keys(sections)) {
    if (key === 'values') continue;
    const item = sections[key];
    if (typeof item === 'number') sections[key] = value(item);
    else if (item !== null && typeof item === 'object') inPlace(item as Record<string, unknown>);
  }
  return sections;
}

function contextOf(body: GuardContextBody, now: string): GuardContext {
  const { nodes } = body;
  for (const node of nodes as (Omit<GraphNode, 'id'> & { id?: string })[])
    node.id ??= nodeId(node.group, node.kind, node.namespace, node.name);
  // Nothing a decision reads looks at an edge's source, field or why (saved-graph.ts). A
  // node's edges are made when asked for; graph.edges, read by no decision, on first read.
  const lookup = new RowEdges(nodes, body.edges);
  let edges: GraphEdge[] | undefined;
  const graph: Graph = {
    nodes,
    get edges() {
      edges ??= lookup.all();
      return edges;
    },
    dangling: [],
  };
  const config = parseConfig(body.saved.config, `${GUARD_CONTEXT_FILE} (field config)`);
  const index = new GraphIndex(graph, lookup);
  const tiers = new Map(body.tiers.map((decision) => [decision.workload, decision]));
  const workloads = body.workloads.map(([wid, members]) => {
    const node = index.node(wid);
    if (!node) throw new Error(`workload ${wid} is not in the graph`);
    return { id: wid, node, members };
  });
  const analysis: Analysis = {
    index,
    workloads,
    workloadById: new Map(workloads.map((w) => [w.id, w])),
    dependencies: new Map(body.dependencies),
    tiers,
    protections: new Map(body.protections),
    restores: new Map(body.restores),
    ignoredDrills: body.ignoredDrills,
    config,
    now,
  };
  const { placements } = body.blast;
  adoptBlastContext(analysis, {
    shapes: new Map(body.blast.shapes.map((shape) => [shape.id, shape])),
    // Each saved claim made a ClaimStorage in place: its placement's position → the placement.
    claims: new Map(
      body.blast.claims.map((saved) => {
        const placement = placements[saved.placement];
        if (!placement) throw new Error(`no placement ${saved.placement}`);
        const storage = saved as unknown as ClaimStorage;
        storage.placement = placement;
        return [storage.claim, storage];
      }),
    ),
    osdsOf: new Map(body.blast.osdsOf),
    deploymentOwners: new Map(body.blast.deploymentOwners),
  });
  return { head: { ...body.saved, config }, leftOut: body.leftOut, analysis };
}
