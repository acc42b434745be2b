import type { Protection } from '../analysis/backups/model.ts';
import {
  adoptBlastContext,
  type ClaimStorage,
  type Dependent,
  type WorkloadShape,
} from '../analysis/blast/context.ts';
import type { Dependency } from '../analysis/dependencies.ts';
import type { Analysis } from '../analysis/model.ts';
import type { RestoreEvidence } from '../analysis/restores/model.ts';
import type { TierDecision } from '../analysis/tiers/model.ts';
import { parseConfig } from '../config/parse.ts';
import { GraphIndex } from '../graph/graph-index.ts';
import type { EdgeType, Graph, GraphEdge, GraphNode } from '../graph/model.ts';
import type { SavedInventory } from '../graph/saved-inventory.ts';
import { number, readShape, record, text } from '../schemas/shape.ts';

/**
 * content/guard-context.json: what `tierbook guard --content` needs from graph.json, analysed
 * ahead (workloads, dependencies, tiers, backups, restores and the blast radius's preparation),
 * so a destructive command is answered without re-analysing the whole graph. It is a cache: a
 * first line (the stamp) says which graph.json bytes, which tierbook and which format it was
 * made from, and a SHA-256 of the rest; the guard uses it only when all of that matches exactly,
 * and otherwise answers from graph.json as if it were not there. Deleting it is always safe.
 */
export const GUARD_CONTEXT_FILE = 'guard-context.json';

/** Bumped whenever the body's layout changes: a reader uses only its own format. */
export const GUARD_CONTEXT_FORMAT = 1;

const STAMP = record({
  format: number,
  tierbook: text,
  /** SHA-256 (hex) of the exact bytes of the graph.json it was computed from. */
  graph: text,
  /** SHA-256 (hex) of everything after the stamp's line: an edited body is not used. */
  body: text,
});

/** SHA-256 in hex of a text's UTF-8 bytes (or of bytes): given by the caller, the core loads no crypto. */
export type Digest = (data: string | Uint8Array) => string;

/** What a saved context gives the guard: the inventory as graph.json holds it, and its analysis. */
export interface GuardContext {
  saved: SavedInventory;
  /** The analysis `analyze(graph, { config, now })` would make, its blast preparation adopted. */
  analysis: Analysis;
}

export type EdgeRow = [number, number, EdgeType, number | string, string, string];

export interface GuardContextBody {
  saved: Omit<SavedInventory, 'graph'>;
  nodes: GraphNode[];
  edges: EdgeRow[];
  dangling: Graph['dangling'];
  workloads: [string, string[]][];
  dependencies: [string, Dependency[]][];
  tiers: [string, TierDecision][];
  protections: [string, Protection[]][];
  restores: [string, RestoreEvidence[]][];
  ignoredDrills: string[];
  blast: {
    shapes: [string, WorkloadShape][];
    claims: [string, ClaimStorage][];
    dependents: [string, Dependent[]][];
    osdsOf: [string, number][];
  };
}

/**
 * The saved context when its stamp matches exactly the graph.json (its digest), the running
 * tierbook and this format, and its body its checksum; otherwise null, with why: the caller
 * then answers from graph.json. Never throws: whatever is wrong with a cache is a reason not to
 * use it, not an error.
 */
export function readGuardContext(
  fileText: string,
  expected: { graph: string; tierbook: string; now: string },
  digest: Digest,
): GuardContext | { unused: string } {
  try {
    const end = fileText.indexOf('\n');
    if (end < 0) return { unused: 'it has no stamp line' };
    const stamp = readShape(STAMP, GUARD_CONTEXT_FILE, JSON.parse(fileText.slice(0, end)));
    if (stamp.format !== GUARD_CONTEXT_FORMAT)
      return { unused: `format ${stamp.format}, this tierbook reads ${GUARD_CONTEXT_FORMAT}` };
    if (stamp.tierbook !== expected.tierbook)
      return { unused: `made by tierbook ${stamp.tierbook}, this is ${expected.tierbook}` };
    if (stamp.graph !== expected.graph) return { unused: 'graph.json changed since it was made' };
    const bodyText = fileText.slice(end + 1);
    if (digest(bodyText) !== stamp.body) return { unused: 'its body does not match its checksum' };
    return contextOf(JSON.parse(bodyText) as GuardContextBody, expected.now);
  } catch (error) {
    return { unused: `it does not read (${error instanceof Error ? error.message : String(error)})` };
  }
}

function contextOf(body: GuardContextBody, now: string): GuardContext {
  const { nodes } = body;
  const id = (at: number | string) => {
    if (typeof at === 'string') return at;
    const node = nodes[at];
    if (!node) throw new Error(`no node ${at}`);
    return node.id;
  };
  const edges: GraphEdge[] = body.edges.map(([from, to, type, source, field, why]) => ({
    from: id(from),
    to: id(to),
    type,
    source: id(source),
    field,
    why,
  }));
  const graph: Graph = { nodes, edges, dangling: body.dangling };
  const saved: SavedInventory = {
    ...body.saved,
    config: parseConfig(body.saved.config, `${GUARD_CONTEXT_FILE} (field config)`),
    graph,
  };
  const index = new GraphIndex(graph);
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
    tiers: new Map(body.tiers),
    protections: new Map(body.protections),
    restores: new Map(body.restores),
    ignoredDrills: body.ignoredDrills,
    config: saved.config,
    now,
  };
  adoptBlastContext(analysis, {
    shapes: new Map(body.blast.shapes),
    claims: new Map(body.blast.claims),
    dependents: new Map(body.blast.dependents),
    osdsOf: new Map(body.blast.osdsOf),
  });
  return { saved, analysis };
}
