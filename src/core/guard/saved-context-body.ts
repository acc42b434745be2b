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
import {
  type ContextHead,
  type Digest,
  GUARD_CONTEXT_FILE,
  type GuardContext,
  type OpenedContext,
  openGuardContext,
  UnusableContext,
} from './saved-context.ts';

/** The `context` section; its `values` table serves this section only. */
export interface GuardContextBody {
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
 * The analysis of an opened context (its `context` section), `now` its time. Throws
 * UnusableContext when the section does not match its checksum or does not read.
 */
export function savedGuardContext(opened: OpenedContext, now: string): GuardContext {
  const bytes = opened.bytes('context');
  try {
    const body = valuesOf(
      JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)),
    ) as GuardContextBody;
    return contextOf(body, opened.head, now);
  } catch (error) {
    throw new UnusableContext(`it does not read (${error instanceof Error ? error.message : String(error)})`);
  }
}

/**
 * The saved context in `file` (all of its bytes) when its stamp matches exactly the graph.json
 * (its size and digest), the running tierbook and this format, and its head and context
 * sections their checksums; otherwise why not. Never throws.
 */
export function readGuardContext(
  file: string | Uint8Array,
  expected: { graphBytes: number; graph: () => string; tierbook: string; now: string },
  digest: Digest,
): GuardContext | { unused: string } {
  const bytes = typeof file === 'string' ? new TextEncoder().encode(file) : file;
  const opened = openGuardContext(
    (at, length) => bytes.subarray(at, at + length),
    bytes.length,
    expected,
    digest,
  );
  if ('unused' in opened) return opened;
  try {
    return savedGuardContext(opened, expected.now);
  } catch (error) {
    return { unused: error instanceof Error ? error.message : String(error) };
  }
}

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

function contextOf(body: GuardContextBody, head: ContextHead, now: string): GuardContext {
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
  const config = parseConfig(head.saved.config, `${GUARD_CONTEXT_FILE} (field config)`);
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
  return { head: { ...head.saved, config }, leftOut: head.leftOut, analysis };
}
