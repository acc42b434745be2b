import { analyze } from '../analysis/analyze.ts';
import { blastContext } from '../analysis/blast/context.ts';
import type { Placement } from '../graph/backends/placement.ts';
import { nodeId } from '../graph/ids.ts';
import { leftOutWarnings } from '../graph/left-out.ts';
import { readSavedInventory } from '../graph/read-saved-inventory.ts';
import { graphHoldsCoreKind } from '../sources/nothing-read.ts';
import { type Digest, GUARD_CONTEXT_FORMAT, type GuardContextBody } from './saved-context.ts';
import { guardGraph } from './saved-graph.ts';

/**
 * The file's text for a graph.json's exact text, made as the guard would make its analysis
 * (the graph read back from that text, its own configuration, no drills: the guard reads none).
 * `now` does not enter: nothing saved here depends on it.
 */
export function guardContextText(graphText: string, tierbook: string, digest: Digest): string {
  const saved = readSavedInventory(graphText, 'graph.json');
  const analysis = analyze(saved.graph, { config: saved.config, now: saved.takenAt });
  const context = blastContext(analysis);
  const { graph, ...head } = saved;
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
  const claims = [...context.claims].map(([key, { claim: _, placement, ...storage }]) => {
    const text = JSON.stringify(placement);
    let at = placementAt.get(text);
    if (at === undefined) {
      at = placements.push(placement) - 1;
      placementAt.set(text, at);
    }
    return [key, { ...storage, placement: at }];
  });
  const sections: [keyof GuardContextBody, string][] = [
    ['saved', json(head)],
    ['holdsCoreKind', json(graphHoldsCoreKind(graph.nodes))],
    ['leftOut', lines(leftOutWarnings(graph))],
    // A node's id is its group, kind, namespace and name: written only when it is not.
    [
      'nodes',
      lines(
        slim.nodes.map(({ id, ...rest }) =>
          nodeId(rest.group, rest.kind, rest.namespace, rest.name) === id ? rest : { id, ...rest },
        ),
      ),
    ],
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
    ['tiers', lines([...analysis.tiers].map(([key, { workload: _, ...decision }]) => [key, decision]))],
    ['protections', lines([...analysis.protections])],
    ['restores', lines([...analysis.restores])],
    ['ignoredDrills', json(analysis.ignoredDrills)],
    [
      'blast',
      `{"shapes":${lines([...context.shapes].map(([key, { id: _, ...shape }]) => [key, shape]))},\n"claims":${lines(claims)},\n"placements":${lines(placements)},\n"osdsOf":${lines([...context.osdsOf])},\n"deploymentOwners":${lines([...context.deploymentOwners])}}`,
    ],
  ];
  // Last, once every section has put its values in.
  sections.push(['values', lines(values, (v) => JSON.stringify(v))]);
  const body = `{\n${sections.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
  const stamp = {
    format: GUARD_CONTEXT_FORMAT,
    tierbook,
    graph: digest(graphText),
    graphBytes: new TextEncoder().encode(graphText).length,
    body: digest(body),
  };
  return `${JSON.stringify(stamp)}\n${body}`;
}
