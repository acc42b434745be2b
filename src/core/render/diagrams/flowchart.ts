import { mermaidLabel, mermaidUrl } from './escape.ts';

/**
 * A flowchart as plain data. Keys are the caller's (graph ids, say); Mermaid only ever sees
 * generated ids (`n0`, `g0`), so nothing a cluster names can become Mermaid syntax.
 */
export interface FlowNode {
  key: string;
  label: string;
  /** Where a click on the node goes: a URL relative to the page showing the diagram. */
  url: string | null;
  /** A style from FLOW_CLASSES. */
  style?: FlowStyle;
  /** Key of the group (subgraph) the node is drawn in. */
  group?: string;
}

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
}

export interface FlowGroup {
  key: string;
  label: string;
}

export interface Flowchart {
  direction: 'LR' | 'TB';
  nodes: FlowNode[];
  edges: FlowEdge[];
  groups: FlowGroup[];
}

/** Colours carry meaning (impact) and are also said in words next to every diagram. */
export const FLOW_CLASSES = {
  focus: 'fill:#dbeafe,stroke:#1d4ed8,stroke-width:2px',
  'data-loss': 'fill:#fecaca,stroke:#b91c1c,stroke-width:2px',
  unavailable: 'fill:#fed7aa,stroke:#c2410c',
  degraded: 'fill:#fef08a,stroke:#a16207',
  more: 'fill:#f4f4f5,stroke:#71717a,stroke-dasharray:4 3',
} as const;

export type FlowStyle = keyof typeof FLOW_CLASSES;

/** Mermaid source for a flowchart; the same chart always gives the same text. */
export function toMermaid(chart: Flowchart): string {
  const nodeIds = new Map(chart.nodes.map((n, i) => [n.key, `n${i}`]));
  const groupIds = new Map(chart.groups.map((g, i) => [g.key, `g${i}`]));
  const lines = [`flowchart ${chart.direction}`];
  const declare = (n: FlowNode, indent: string) =>
    lines.push(`${indent}${nodeIds.get(n.key)}[${mermaidLabel(n.label)}]`);
  for (const n of chart.nodes) if (!n.group || !groupIds.has(n.group)) declare(n, '  ');
  for (const g of chart.groups) {
    lines.push(`  subgraph ${groupIds.get(g.key)}[${mermaidLabel(g.label)}]`);
    for (const n of chart.nodes) if (n.group === g.key) declare(n, '    ');
    lines.push('  end');
  }
  for (const e of chart.edges) {
    const from = nodeIds.get(e.from) ?? groupIds.get(e.from);
    const to = nodeIds.get(e.to) ?? groupIds.get(e.to);
    if (!from || !to) throw new Error(`flowchart edge ${e.from} -> ${e.to} names an unknown node`);
    lines.push(e.label ? `  ${from} -->|${mermaidLabel(e.label)}| ${to}` : `  ${from} --> ${to}`);
  }
  for (const n of chart.nodes) {
    if (n.url) lines.push(`  click ${nodeIds.get(n.key)} href ${mermaidUrl(n.url)}`);
  }
  const used = [...new Set(chart.nodes.flatMap((n) => (n.style ? [n.style] : [])))].sort();
  for (const style of used) {
    lines.push(`  classDef ${style} ${FLOW_CLASSES[style]}`);
    const members = chart.nodes.filter((n) => n.style === style).map((n) => nodeIds.get(n.key));
    lines.push(`  class ${members.join(',')} ${style}`);
  }
  return `${lines.join('\n')}\n`;
}
