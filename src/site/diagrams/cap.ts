import type { Flowchart, FlowEdge, FlowNode } from './flowchart.ts';

/** A picture past this many boxes stops being readable; the rest is listed on the page. */
export const MAX_DIAGRAM_NODES = 40;

export interface Layer {
  /** Lower is kept first when the chart is too big. */
  priority: number;
  /** Plural noun for the "+N more …" box. */
  noun: string;
}

export interface CappedChart {
  chart: Flowchart;
  /** How many boxes were folded into "+N more" boxes. */
  hidden: number;
}

/**
 * Keeps at most `max` boxes: whole layers in priority order, then as many of the next layer as
 * fit. Each layer that lost boxes gets one "+N more" box, linking to `moreUrl` (the page's own
 * full list), and the edges of hidden boxes are redrawn from it.
 */
export function capChart(
  chart: Flowchart,
  layerOf: (node: FlowNode) => Layer,
  moreUrl: string,
  max = MAX_DIAGRAM_NODES,
): CappedChart {
  if (chart.nodes.length <= max) return { chart, hidden: 0 };
  const ranked = chart.nodes
    .map((node, order) => ({ node, order, layer: layerOf(node) }))
    .sort((a, b) => a.layer.priority - b.layer.priority || a.order - b.order);
  const nouns = new Set<string>();
  const keep = new Set<string>();
  for (const r of ranked) {
    // Reserve one box per layer that will need a "+N more".
    if (keep.size + nouns.size < max - 1) keep.add(r.node.key);
    else nouns.add(r.layer.noun);
  }
  const replacement = new Map<string, string>();
  const moreNodes = new Map<string, FlowNode & { count: number }>();
  for (const r of ranked) {
    if (keep.has(r.node.key)) continue;
    const key = `more:${r.layer.noun}`;
    const more = moreNodes.get(key) ?? { key, label: '', url: moreUrl, style: 'more' as const, count: 0 };
    more.count += 1;
    moreNodes.set(key, more);
    replacement.set(r.node.key, key);
  }
  const nodes: FlowNode[] = chart.nodes.filter((n) => keep.has(n.key));
  for (const [noun, more] of [...moreNodes].map(([k, m]) => [k.slice(5), m] as const)) {
    nodes.push({ key: more.key, label: `+${more.count} more ${noun}`, url: more.url, style: 'more' });
  }
  const seen = new Set<string>();
  const edges: FlowEdge[] = [];
  for (const e of chart.edges) {
    const from = replacement.get(e.from) ?? e.from;
    const to = replacement.get(e.to) ?? e.to;
    const id = `${from}\u0000${to}`;
    if (from === to || seen.has(id)) continue;
    seen.add(id);
    edges.push(from === e.from && to === e.to ? e : { from, to });
  }
  const groups = chart.groups.filter((g) => nodes.some((n) => n.group === g.key));
  const present = new Set([...nodes.map((n) => n.key), ...groups.map((g) => g.key)]);
  const drawn = edges.filter((e) => present.has(e.from) && present.has(e.to));
  return { chart: { ...chart, nodes, edges: drawn, groups }, hidden: replacement.size };
}
