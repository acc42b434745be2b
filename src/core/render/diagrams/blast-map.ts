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

/** Said in each box and on each edge, so the picture does not rest on colour alone. */
const IMPACT_WORDS = { 'data-loss': 'loses data', unavailable: 'goes dark', degraded: 'degrades' } as const;
const IMPACT_PLURALS = { 'data-loss': 'lose data', unavailable: 'go dark', degraded: 'degrade' } as const;

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
      label: `${i.title} (${IMPACT_WORDS[i.impact]})`,
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
    // Each edge says what the loss does to that tier: "2 lose data, 1 goes dark".
    edges: tiers.map((t) => ({ from: target.id, to: groupKey(t), label: tierCounts(impacts, t, target.id) })),
  };
  const rank = new Map(impacts.map((i) => [i.id, IMPACT_RANK[i.impact] ?? 4]));
  const capped = capChart(
    chart,
    (n) => ({ priority: n.key === target.id ? 0 : (rank.get(n.key) ?? 4), noun: 'workloads' }),
    links.moreUrl,
  );
  return {
    title: `What fails with ${target.title}, by tier: red loses data, orange goes dark, yellow degrades (each box says which)`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}

function tierCounts(impacts: readonly ImpactRef[], tier: number | null, target: string): string {
  const mine = impacts.filter((i) => i.tier === tier && i.id !== target);
  return (['data-loss', 'unavailable', 'degraded'] as const)
    .map((impact) => {
      const n = mine.filter((i) => i.impact === impact).length;
      return n === 0 ? '' : `${n} ${n === 1 ? IMPACT_WORDS[impact] : IMPACT_PLURALS[impact]}`;
    })
    .filter(Boolean)
    .join(', ');
}
