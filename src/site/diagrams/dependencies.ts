import { capChart } from './cap.ts';
import { type Flowchart, type FlowNode, toMermaid } from './flowchart.ts';
import type { Diagram, DiagramLinks, Titled } from './model.ts';

export interface DependencyRef {
  workload: string;
  title: string;
  via: string;
}

/** What needs this workload (left) → the workload → what it needs (right), one step each way. */
export function dependencyDiagram(
  workload: Titled,
  dependsOn: readonly DependencyRef[],
  dependedOnBy: readonly DependencyRef[],
  links: DiagramLinks,
): Diagram | null {
  if (dependsOn.length === 0 && dependedOnBy.length === 0) return null;
  const nodes: FlowNode[] = [{ key: workload.id, label: workload.title, url: null, style: 'focus' }];
  const keys = new Set([workload.id]);
  const add = (d: DependencyRef) => {
    if (keys.has(d.workload)) return;
    keys.add(d.workload);
    nodes.push({ key: d.workload, label: d.title, url: links.urlOf(d.workload) });
  };
  dependedOnBy.forEach(add);
  dependsOn.forEach(add);
  const chart: Flowchart = {
    direction: 'LR',
    nodes,
    edges: [
      ...dependedOnBy.map((d) => ({ from: d.workload, to: workload.id, label: d.via })),
      ...dependsOn.map((d) => ({ from: workload.id, to: d.workload, label: d.via })),
    ].filter((e) => e.from !== e.to),
    groups: [],
  };
  const capped = capChart(
    chart,
    (n) => ({ priority: n.key === workload.id ? 0 : 1, noun: 'workloads' }),
    links.moreUrl,
  );
  return {
    title: `Workloads that need ${workload.title} (left) and that it needs (right)`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}
