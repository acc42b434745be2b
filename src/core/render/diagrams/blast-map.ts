import { capChart } from './cap.ts';
import { type Flowchart, type FlowNode, toMermaid } from './flowchart.ts';
import type { Diagram, DiagramLinks, Titled } from './model.ts';

export interface ImpactRef {
  id: string;
  title: string;
  tier: number | null;
  impact: 'data-loss' | 'unavailable' | 'degraded';
}

const IMPACT_RANK = { 'data-loss': 1, unavailable: 2, degraded: 3 } as const;

/**
 * If the target fails: every workload it takes down, grouped by tier and coloured by impact.
 * The impacts come from the core's blast analysis; this only draws them.
 */
export function blastMapDiagram(
  target: Titled,
  impacts: readonly ImpactRef[],
  links: DiagramLinks,
): Diagram | null {
  if (impacts.length === 0) return null;
  const tiers = [...new Set(impacts.map((i) => i.tier))].sort((a, b) => (a ?? 9) - (b ?? 9));
  const groupKey = (tier: number | null) => `tier:${tier ?? '?'}`;
  const nodes: FlowNode[] = [{ key: target.id, label: target.title, url: null, style: 'focus' }];
  for (const i of impacts) {
    if (i.id === target.id) continue;
    nodes.push({
      key: i.id,
      label: i.title,
      url: links.urlOf(i.id),
      style: i.impact,
      group: groupKey(i.tier),
    });
  }
  const chart: Flowchart = {
    // Groups stacked beside the target: side by side they shrink past reading on a page.
    direction: 'LR',
    nodes,
    groups: tiers.map((t) => ({ key: groupKey(t), label: t === null ? 'tier unknown' : `tier ${t}` })),
    edges: tiers.map((t) => ({ from: target.id, to: groupKey(t) })),
  };
  const rank = new Map(impacts.map((i) => [i.id, IMPACT_RANK[i.impact] ?? 4]));
  const capped = capChart(
    chart,
    (n) => ({ priority: n.key === target.id ? 0 : (rank.get(n.key) ?? 4), noun: 'workloads' }),
    links.moreUrl,
  );
  return {
    title: `What fails with ${target.title}, by tier: red loses data, orange goes dark, yellow degrades`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}
