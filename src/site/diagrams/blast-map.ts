import { capChart } from './cap.ts';
import type { Flowchart, FlowEdge, FlowNode, FlowShape } from './flowchart.ts';
import { toMermaid } from './flowchart.ts';
import type { Diagram, DiagramLinks, Titled } from './model.ts';

export interface ImpactRef {
  id: string;
  title: string;
  tier: number | null;
  impact: 'data-loss' | 'unavailable' | 'degraded';
}

/** Why each impacted workload is hit: its own data on the target, or what it depends on. */
export interface ImpactCauses {
  /** The claims a workload keeps on the target (empty: none of its data is there). */
  claimsOn(id: string): readonly string[];
  /** The workloads it depends on, and how (service, sign-in, forward-auth…). */
  dependsOn(id: string): readonly { workload: string; via: string }[];
}

type ImpactKind = ImpactRef['impact'];

const IMPACT_RANK = { 'data-loss': 1, unavailable: 2, degraded: 3 } as const;

/** Each impact is said in words, by the box's outline and by the line leading to it. */
const IMPACT_WORDS = { 'data-loss': 'LOSES DATA', unavailable: 'goes dark', degraded: 'degrades' } as const;
const IMPACT_SHAPES: Readonly<Record<ImpactKind, FlowShape>> = {
  'data-loss': 'hexagon',
  unavailable: 'rect',
  degraded: 'rounded',
};
const IMPACT_LINES = { 'data-loss': 'thick', unavailable: 'plain', degraded: 'dotted' } as const;
const IMPACT_NOUNS = {
  'data-loss': 'that lose data',
  unavailable: 'that go dark',
  degraded: 'that degrade',
} as const;

/**
 * If the target fails, the chain of cause: target → the workloads whose data is on it (the
 * line names the volume) → the workloads that go dark because they depend on a lost or dark
 * one (the line says how). Impacts come from the core's blast analysis; this only draws them.
 * Without `causes` every workload hangs from the target.
 */
export function blastMapDiagram(
  target: Titled,
  impacts: readonly ImpactRef[],
  links: DiagramLinks,
  causes?: ImpactCauses,
): Diagram | null {
  const hit = impacts.filter((i) => i.id !== target.id);
  if (hit.length === 0) return null;
  const byId = new Map(hit.map((i) => [i.id, i]));
  const nodes: FlowNode[] = [
    { key: target.id, label: target.title, url: null, style: 'focus', shape: 'subroutine' },
  ];
  const edges: FlowEdge[] = [];
  for (const i of hit) {
    nodes.push({
      key: i.id,
      label: unbroken(i.title),
      detail: [`${i.tier === null ? 'tier ?' : `tier ${i.tier}`}: ${IMPACT_WORDS[i.impact]}`],
      url: links.urlOf(i.id),
      style: i.impact,
      shape: IMPACT_SHAPES[i.impact],
    });
    const line = IMPACT_LINES[i.impact];
    // Only a lost or dark workload takes its dependents down with it.
    const through = (causes?.dependsOn(i.id) ?? []).filter((d) => {
      const dep = byId.get(d.workload);
      return dep !== undefined && dep.impact !== 'degraded' && d.workload !== i.id;
    });
    for (const d of through) edges.push({ from: d.workload, to: i.id, label: d.via, line });
    const claims = causes?.claimsOn(i.id) ?? [];
    if (claims.length > 0 || through.length === 0) {
      edges.push({ from: target.id, to: i.id, label: volumeWords(claims), line });
    }
  }
  const chart: Flowchart = { direction: 'LR', nodes, groups: [], edges };
  const capped = capChart(
    chart,
    (n) => {
      const impact = byId.get(n.key)?.impact;
      return impact
        ? { priority: IMPACT_RANK[impact], noun: `workloads ${IMPACT_NOUNS[impact]}` }
        : { priority: 0, noun: 'workloads' };
    },
    links.moreUrl,
  );
  return {
    title: `What fails with ${target.title} and why, from its volumes to what depends on them: a hexagon and a thick line lose data (red), a dashed box goes dark (orange), a rounded dotted box degrades (yellow); each box says which`,
    source: toMermaid(capped.chart),
    nodes: capped.chart.nodes.length,
    hidden: capped.hidden,
  };
}

/** "pg-main-1" for one volume, "3 volumes" for more, nothing when it is not said. */
function volumeWords(claims: readonly string[]): string | undefined {
  if (claims.length === 0) return undefined;
  if (claims.length === 1) return unbroken((claims[0] as string).replace(/^.*\//, ''));
  return `${claims.length} volumes`;
}

/** A name never wraps at its hyphens (non-breaking hyphens look the same): lines break at spaces. */
function unbroken(text: string): string {
  return text.replace(/-/g, '\u2011');
}
