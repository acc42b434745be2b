import { mermaidLabel, mermaidLines, mermaidUrl } from './escape.ts';

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
  /** Lines under the label (a tier, an impact in words). */
  detail?: string[];
  /** The box's outline, so a meaning is not carried by colour alone; a rectangle by default. */
  shape?: FlowShape;
}

export type FlowShape = 'rect' | 'hexagon' | 'rounded' | 'subroutine';

/** Mermaid's brackets for each shape, around the quoted label. */
const SHAPES: Readonly<Record<FlowShape, readonly [string, string]>> = {
  rect: ['[', ']'],
  hexagon: ['{{', '}}'],
  // A rounded rectangle: Mermaid draws a stadium (`([…])`) as hundreds of path segments,
  // ~45 KB a box, which made a failure domain's map 1.8 MB on a large cluster; this is ~2 KB.
  rounded: ['(', ')'],
  subroutine: ['[[', ']]'],
};

/** Line styles: thick, plain, dotted. */
const ARROWS = { thick: '==>', plain: '-->', dotted: '-.->' } as const;

export interface FlowEdge {
  from: string;
  to: string;
  label?: string;
  line?: keyof typeof ARROWS;
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
  unavailable: 'fill:#fed7aa,stroke:#c2410c,stroke-width:2px,stroke-dasharray:6 3',
  degraded: 'fill:#fef08a,stroke:#a16207,stroke-dasharray:2 2',
  more: 'fill:#f4f4f5,stroke:#71717a,stroke-dasharray:4 3',
} as const;

export type FlowStyle = keyof typeof FLOW_CLASSES;

/** Mermaid source for a flowchart; the same chart always gives the same text. */
export function toMermaid(chart: Flowchart): string {
  const nodeIds = new Map(chart.nodes.map((n, i) => [n.key, `n${i}`]));
  const groupIds = new Map(chart.groups.map((g, i) => [g.key, `g${i}`]));
  const lines = [`flowchart ${chart.direction}`];
  const declare = (n: FlowNode, indent: string) => {
    const [open, close] = SHAPES[n.shape ?? 'rect'];
    const label = n.detail?.length ? mermaidLines([n.label, ...n.detail]) : mermaidLabel(n.label);
    lines.push(`${indent}${nodeIds.get(n.key)}${open}${label}${close}`);
  };
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
    const arrow = ARROWS[e.line ?? 'plain'];
    lines.push(e.label ? `  ${from} ${arrow}|${mermaidLabel(e.label)}| ${to}` : `  ${from} ${arrow} ${to}`);
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
