import { analyze } from '../analysis/analyze.ts';
import { blastContext } from '../analysis/blast/context.ts';
import type { Analysis } from '../analysis/model.ts';
import { restoreTime } from '../analysis/restores/evidence.ts';
import type { Placement } from '../graph/backends/placement.ts';
import { leftOutWarnings } from '../graph/left-out.ts';
import type { Graph, GraphNode } from '../graph/model.ts';
import { readSavedHead, readSavedInventory } from '../graph/read-saved-inventory.ts';
import type { SavedInventory } from '../graph/saved-inventory.ts';
import type { DomainBlast } from '../inventory/storage-entries.ts';
import { graphHoldsCoreKind } from '../sources/nothing-read.ts';
import { guardInventoryTable } from './inventory-table.ts';
import { answerSections, savedBlasts } from './saved-answers-text.ts';
import {
  CONTEXT_SECTIONS,
  type ContextHead,
  type ContextSection,
  type Digest,
  GUARD_CONTEXT_FORMAT,
  utf8Length,
} from './saved-context.ts';
import type { GuardContextBody, SavedClaim } from './saved-context-body.ts';
import { guardGraph } from './saved-graph.ts';

/**
 * The file's text for a graph.json's exact text, made as the guard would make its analysis
 * (the graph read back from that text, its own configuration, no drills: the guard reads none).
 * `now` does not enter: nothing saved here depends on it.
 */
export function guardContextText(graphText: string, tierbook: string, digest: Digest): string {
  const { graph, ...head } = readSavedInventory(graphText, 'graph.json');
  const analysis = analyze(graph, { config: head.config, now: head.takenAt });
  return contextText({ graphText, head, graph, analysis }, tierbook, digest);
}

/**
 * The same text as guardContextText(graphText), made by `inventory` from what it holds in
 * memory instead of reading its 30 MB back: `graph` is the graph graphText was rendered from,
 * `analysis` that graph's analysis under graph.json's configuration, `drills` how many recorded
 * drills it was given, `graphBytes` graphText's length in UTF-8 bytes. Only the head
 * (cluster, time, configuration, what was not read) is read back from graphText's first lines,
 * so the saved head is the one written. With drills the graph is analysed again without them:
 * the guard reads none. tests/guard/saved-context.test.ts
 * holds the two to the same bytes.
 */
export function guardContextTextOf(
  graphText: string,
  written: {
    graph: Graph;
    analysis: Analysis;
    drills: number;
    graphBytes: number;
    /** The failure domains' blasts the inventory computed on `analysis` (reused when no drill counts). */
    domainBlasts?: readonly DomainBlast[];
  },
  tierbook: string,
  digest: Digest,
): string {
  const head = readSavedHead(graphText);
  const analysis =
    written.drills > 0
      ? analyze(written.graph, { config: head.config, now: head.takenAt })
      : written.analysis;
  return contextText(
    {
      graphText,
      head,
      graph: written.graph,
      analysis,
      graphBytes: written.graphBytes,
      ...(written.drills === 0 && written.domainBlasts ? { domainBlasts: written.domainBlasts } : {}),
    },
    tierbook,
    digest,
  );
}

function contextText(
  from: {
    graphText: string;
    head: Omit<SavedInventory, 'graph'>;
    graph: Graph;
    analysis: Analysis;
    graphBytes?: number;
    domainBlasts?: readonly DomainBlast[];
  },
  tierbook: string,
  digest: Digest,
): string {
  const { graphText, head, graph, analysis } = from;
  const context = blastContext(analysis);
  const slim = guardGraph(context);
  const position = new Map(slim.nodes.map((n, i) => [n.id, i]));
  const at = (id: string) => position.get(id) ?? id;
  // Every string and number once, in a table (`values`), and by its position everywhere else:
  // ids and names recur across sections (a pod's id as a member and in its workload's shape),
  // and a decision parses far less (saved-context.ts `valuesOf`).
  const values: (string | number)[] = [];
  const positions = new Map<string | number, number>();
  const tabled = (_key: string, value: unknown) => {
    if (typeof value !== 'string' && typeof value !== 'number') return value;
    let at = positions.get(value);
    if (at === undefined) {
      at = values.push(value) - 1;
      positions.set(value, at);
    }
    return at;
  };
  const json = (value: unknown) => JSON.stringify(value, tabled);
  const lines = (rows: readonly unknown[], write = json) =>
    rows.length === 0 ? '[]' : `[\n${rows.map((r) => write(r)).join(',\n')}\n]`;
  // Claims share a few placements (a pool, a node): each written once, named by position.
  const placements: Placement[] = [];
  const placementAt = new Map<string, number>();
  const claims = [...context.claims.values()].map(({ placement, ...storage }): SavedClaim => {
    const text = JSON.stringify(placement);
    let at = placementAt.get(text);
    if (at === undefined) {
      at = placements.push(placement) - 1;
      placementAt.set(text, at);
    }
    return { ...storage, placement: at };
  });
  const sections: [keyof GuardContextBody, string][] = [
    // Each with its id, though it is nearly always its group, kind, namespace and name: most
    // ids are in the value table anyway (a workload's, a claim's, a volume's), and a node
    // read with the very string the rest of the body names it by is found without building,
    // flattening and hashing 14,000 strings at 10,000 pods.
    ['nodes', lines(slim.nodes.map((node) => ({ id: node.id, ...asRead(node) })))],
    // One array, an edge a line: `from,to,type`.
    [
      'edges',
      lines(
        slim.edges.map((e) => [at(e.from), at(e.to), e.type]),
        (row) => json(row).slice(1, -1),
      ),
    ],
    ['workloads', lines(analysis.workloads.map((w) => [w.id, w.members]))],
    ['dependencies', lines([...analysis.dependencies])],
    ['tiers', lines([...analysis.tiers.values()])],
    ['protections', lines([...analysis.protections])],
    ['restores', lines([...analysis.restores])],
    ['ignoredDrills', json(analysis.ignoredDrills)],
    [
      'blast',
      `{"shapes":${lines([...context.shapes.values()])},\n"claims":${lines(claims)},\n"placements":${lines(placements)},\n"osdsOf":${lines([...context.osdsOf])},\n"deploymentOwners":${lines([...context.deploymentOwners])}}`,
    ],
  ];
  // Last, once every section has put its values in.
  sections.push(['values', lines(values, (v) => JSON.stringify(v))]);
  const body = `{\n${sections.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
  const contextHead: ContextHead = {
    saved: head,
    holdsCoreKind: graphHoldsCoreKind(graph.nodes),
    leftOut: leftOutWarnings(graph),
  };
  const table = guardInventoryTable(analysis);
  const answers = answerSections(
    savedBlasts(analysis, table, from.domainBlasts ?? []),
    (workload) => analysis.tiers.get(workload)?.reason ?? '',
    (workload, evidence) => {
      const found = analysis.restores.get(workload)?.find((e) => e.id === evidence);
      return found ? restoreTime(found) : null;
    },
    digest,
  );
  const texts: Record<ContextSection, string> = {
    head: `${JSON.stringify(contextHead)}\n`,
    'inventory.osds': rowsText(table.osds),
    'inventory.disks': rowsText(table.disks),
    'inventory.pools': rowsText(table.pools),
    'inventory.nodes': rowsText(table.nodes),
    'inventory.claims': rowsText(table.claims),
    'inventory.volumes': rowsText(table.volumes),
    'inventory.workloads': rowsText(table.workloads),
    'answers.index': answers.index,
    'answers.values': answers.values,
    'answers.workloads': answers.workloads,
    'answers.backups': answers.backups,
    answers: answers.answers,
    context: body,
  };
  const stamp = {
    format: GUARD_CONTEXT_FORMAT,
    tierbook,
    graph: digest(graphText),
    graphBytes: from.graphBytes ?? new TextEncoder().encode(graphText).length,
    sections: CONTEXT_SECTIONS.map((name) => ({
      name,
      bytes: utf8Length(texts[name]),
      sha256: digest(texts[name]),
    })),
  };
  return `${JSON.stringify(stamp)}\n${CONTEXT_SECTIONS.map((name) => texts[name]).join('')}`;
}

/** A table section: a row a line. */
function rowsText(rows: readonly unknown[]): string {
  return rows.length === 0 ? '[]\n' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]\n`;
}

/**
 * A node's fields in the order graph.json's reader gives them (read-saved-inventory.ts), so a
 * node from memory is written as the same node read back would be.
 */
function asRead(node: GraphNode): Omit<GraphNode, 'id'> {
  const row: Omit<GraphNode, 'id'> = {
    group: node.group,
    kind: node.kind,
    namespace: node.namespace,
    name: node.name,
    attrs: node.attrs,
  };
  if (node.apiVersion !== undefined) row.apiVersion = node.apiVersion;
  if (node.derived !== undefined) row.derived = node.derived;
  if (node.missing !== undefined) row.missing = node.missing;
  return row;
}
