import type { Content, FindingEntry, Impact } from './content-model.ts';
import { keepsData } from './keeps-data.ts';
import type { PageIndex } from './page-index.ts';
import type { FailureDomainRow, Link, VerdictRow, VerdictView } from './view-rows.ts';
import { formatAge } from './words.ts';

/**
 * The dashboard's first screen: what is at risk. The worst failure domains with what they take
 * (by name), tier-0/1 data with no backup that would survive losing the cluster's storage, and
 * the high findings counted by rule. Every verdict is the core's; this picks and joins.
 */
export interface DomainRisk {
  target: string;
  url: string | null;
  counts: Record<Impact, number>;
  worstTier: number | null;
  lose: VerdictRow[];
  dark: VerdictRow[];
}

export interface ExposedRow {
  workload: Link;
  tier: number | null;
  why: string;
}

export interface RuleCount {
  rule: string;
  count: number;
  /** The findings page, at this rule's section. */
  url: string;
  /** The objects it names, the first few. */
  objects: string[];
}

export interface AtRisk {
  domains: DomainRisk[] | null;
  exposed: ExposedRow[] | null;
  highRules: RuleCount[] | null;
}

/** How many failure domains the first screen names; the rest are on /blast/. */
const WORST = 5;
/** How many objects a rule's row names. */
const NAMED = 3;

export function atRisk(
  content: Content,
  index: PageIndex,
  failureDomains: readonly FailureDomainRow[] | null,
  verdictOf: (id: string) => VerdictView | null,
  high: readonly FindingEntry[] | null,
): AtRisk {
  return {
    domains: failureDomains
      ? failureDomains
          .filter((d) => d.counts['data-loss'] + d.counts.unavailable > 0)
          .slice(0, WORST)
          .map((d) => {
            const verdict = d.node ? verdictOf(d.node) : null;
            return {
              target: d.target,
              url: d.url,
              counts: d.counts,
              worstTier: d.worstTier,
              lose: verdict?.lose ?? [],
              dark: verdict?.dark ?? [],
            };
          })
      : null,
    exposed: exposed(content, index),
    highRules: high ? byRule(high) : null,
  };
}

/**
 * Tier-0/1 workloads that keep data and have no backup outside the cluster within the RPO: a
 * copy inside the cluster can go with the storage it sits on.
 */
function exposed(content: Content, index: PageIndex): ExposedRow[] | null {
  if (content.workloads.length === 0) return null;
  const rows: ExposedRow[] = [];
  for (const w of content.workloads) {
    if (w.tier.tier > 1 || !keepsData(w)) continue;
    const outside = w.backups.filter((b) => b.destination?.where === 'outside');
    let why: string | null = null;
    if (w.backups.length === 0) why = 'no backup';
    else if (outside.length === 0) {
      const places = new Set(w.backups.map((b) => b.destination?.where ?? 'unknown'));
      why = places.has('unknown')
        ? 'no copy is known to be outside the cluster'
        : 'every copy is kept inside the cluster: it can go with the storage it sits on';
    } else if (!outside.some((b) => b.withinRpo !== false && b.lastSuccess)) {
      const ages = outside.flatMap((b) => (b.ageSeconds === null ? [] : [b.ageSeconds]));
      const newest = ages.length > 0 ? `${formatAge(Math.min(...ages))} old` : 'never succeeded';
      why = `the copy outside the cluster is ${newest}${w.tier.rpoSeconds !== null ? ` (RPO ${w.tier.rpo})` : ''}`;
    }
    if (why) rows.push({ workload: index.link(w.id, w.title), tier: w.tier.tier, why });
  }
  return rows.sort(
    (a, b) => (a.tier ?? 9) - (b.tier ?? 9) || a.workload.title.localeCompare(b.workload.title),
  );
}

function byRule(findings: readonly FindingEntry[]): RuleCount[] {
  const rules = new Map<string, RuleCount>();
  for (const f of findings) {
    const row = rules.get(f.rule) ?? { rule: f.rule, count: 0, url: `findings/#rule-${f.rule}`, objects: [] };
    row.count += 1;
    const name = f.object ?? f.id;
    if (name && row.objects.length < NAMED && !row.objects.includes(name)) row.objects.push(name);
    rules.set(f.rule, row);
  }
  return [...rules.values()].sort((a, b) => b.count - a.count || a.rule.localeCompare(b.rule));
}
