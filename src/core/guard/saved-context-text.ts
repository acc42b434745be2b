import { analyze } from '../analysis/analyze.ts';
import { blastContext } from '../analysis/blast/context.ts';
import { readSavedInventory } from '../graph/read-saved-inventory.ts';
import { type Digest, GUARD_CONTEXT_FORMAT, type GuardContextBody } from './saved-context.ts';

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
  const position = new Map(graph.nodes.map((n, i) => [n.id, i]));
  const at = (id: string) => position.get(id) ?? id;
  const lines = (rows: readonly unknown[]) =>
    rows.length === 0 ? '[]' : `[\n${rows.map((r) => JSON.stringify(r)).join(',\n')}\n]`;
  const sections: [keyof GuardContextBody, string][] = [
    ['saved', JSON.stringify(head)],
    ['nodes', lines(graph.nodes)],
    ['edges', lines(graph.edges.map((e) => [at(e.from), at(e.to), e.type, at(e.source), e.field, e.why]))],
    ['dangling', lines(graph.dangling)],
    ['workloads', lines(analysis.workloads.map((w) => [w.id, w.members]))],
    ['dependencies', lines([...analysis.dependencies])],
    ['tiers', lines([...analysis.tiers])],
    ['protections', lines([...analysis.protections])],
    ['restores', lines([...analysis.restores])],
    ['ignoredDrills', JSON.stringify(analysis.ignoredDrills)],
    [
      'blast',
      `{"shapes":${lines([...context.shapes])},\n"claims":${lines([...context.claims])},\n"dependents":${lines([...context.dependents])},\n"osdsOf":${lines([...context.osdsOf])}}`,
    ],
  ];
  const body = `{\n${sections.map(([k, v]) => `${JSON.stringify(k)}: ${v}`).join(',\n')}\n}\n`;
  const stamp = { format: GUARD_CONTEXT_FORMAT, tierbook, graph: digest(graphText), body: digest(body) };
  return `${JSON.stringify(stamp)}\n${body}`;
}
