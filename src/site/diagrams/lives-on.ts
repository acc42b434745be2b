import { parseId } from '../../core/graph/ids.ts';
import { capChart } from './cap.ts';
import { type Flowchart, type FlowNode, toMermaid } from './flowchart.ts';
import type { Diagram, DiagramLinks, Titled } from './model.ts';

/** A storage object and the workloads with data on it, grouped by namespace. */
export function livesOnDiagram(
  target: Titled,
  workloads: readonly Titled[],
  links: DiagramLinks,
): Diagram | null {
  if (workloads.length === 0) return null;
  const namespaces = [...new Set(workloads.map((w) => parseId(w.id).namespace))].sort();
  const groupKey = (ns: string) => `ns:${ns}`;
  const nodes: FlowNode[] = [{ key: target.id, label: target.title, url: null, style: 'focus' }];
  for (const w of workloads) {
    if (w.id === target.id) continue;
    nodes.push({
      key: w.id,
      label: w.title,
      url: links.urlOf(w.id),
      group: groupKey(parseId(w.id).namespace),
    });
  }
  const chart: Flowchart = {
    // Groups stacked beside the target: side by side they shrink past reading on a page.
    direction: 'LR',
    nodes,
    groups: namespaces.map((ns) => ({ key: groupKey(ns), label: ns ? `namespace ${ns}` : 'cluster-wide' })),
    edges: namespaces.map((ns) => ({ from: target.id, to: groupKey(ns) })),
  };
  const capped = capChart(
    chart,
    (n) => ({ priority: n.key === target.id ? 0 : 1, noun: 'workloads' }),
    links.moreUrl,
  );
  return {
    title: `Workloads with data on ${target.title}, by namespace`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}
