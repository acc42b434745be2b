import { anchorSlug } from '../outline.ts';
import type { Severity } from './content-model.ts';
import { SEVERITIES } from './content-model.ts';
import type { FindingRow } from './view-rows.ts';

/**
 * The findings page: one section per severity, one group per rule inside it (the objects it
 * found, each with an anchor of its own), so forty findings of four rules read as four rows.
 * Anchors are stable across regenerations: `#severity-high`, `#rule-backup-stale`, and
 * `#f-backup-stale-databases-pxc-main` per finding. A rule with more than INLINE_FINDINGS
 * findings is listed on pages of its own (`findings/rule-backup-stale/`, then `…/2/`, at most
 * FINDINGS_PER_PAGE each), linked from its section, so no page grows with the cluster.
 */
export const INLINE_FINDINGS = 20;
export const FINDINGS_PER_PAGE = 200;

export interface AnchoredFinding extends FindingRow {
  anchor: string;
}

export interface RuleGroup {
  rule: string;
  severity: Severity;
  /** `rule-<id>` at the rule's most severe section, `rule-<id>-<severity>` at the others. */
  anchor: string;
  /** The rule's page on this site, or null when its doc was not found. */
  docUrl: string | null;
  findings: AnchoredFinding[];
  /** The fix, when every finding of the group has the same one. */
  sharedFix: string | null;
  /** Site-root URLs of the group's own pages; empty when its findings are on the index. */
  pages: string[];
}

/** One page of a rule group's findings (a group too long for the index). */
export interface FindingPage {
  /** `rule-backup-stale` or `rule-backup-stale/2`: the route's parameter. */
  slug: string;
  url: string;
  group: RuleGroup;
  /** 1-based. */
  number: number;
  findings: AnchoredFinding[];
}

export interface SeverityGroup {
  severity: Severity;
  count: number;
  rules: RuleGroup[];
}

export function findingGroups(
  rows: readonly FindingRow[],
  hasDoc: (rule: string) => boolean,
): SeverityGroup[] {
  const used = new Set<string>();
  const unique = (base: string) => {
    let anchor = base;
    for (let n = 2; used.has(anchor); n++) anchor = `${base}-${n}`;
    used.add(anchor);
    return anchor;
  };
  const out: SeverityGroup[] = [];
  for (const severity of SEVERITIES) {
    const of = rows.filter((f) => f.severity === severity);
    if (of.length === 0) continue;
    const rules = new Map<string, FindingRow[]>();
    for (const f of of) rules.set(f.rule, [...(rules.get(f.rule) ?? []), f]);
    const groups = [...rules]
      .sort(([a, x], [b, y]) => y.length - x.length || a.localeCompare(b))
      .map(([rule, findings]): RuleGroup => {
        const fixes = new Set(findings.map((f) => f.fix));
        const anchor = unique(used.has(`rule-${rule}`) ? `rule-${rule}-${severity}` : `rule-${rule}`);
        const pageCount =
          findings.length > INLINE_FINDINGS ? Math.ceil(findings.length / FINDINGS_PER_PAGE) : 0;
        return {
          rule,
          severity,
          anchor,
          docUrl: hasDoc(rule) ? `rules/${rule}/` : null,
          findings: findings.map((f) => ({
            ...f,
            anchor: unique(`f-${rule}-${slug(f.object ?? f.id ?? f.field)}`),
          })),
          sharedFix: fixes.size === 1 && findings.length > 1 ? (findings[0]?.fix ?? null) : null,
          pages: Array.from({ length: pageCount }, (_, i) => `findings/${pageSlug(anchor, i + 1)}/`),
        };
      });
    out.push({ severity, count: of.length, rules: groups });
  }
  return out;
}

/** Every page of the groups listed on pages of their own, in the index's order. */
export function findingPages(groups: readonly SeverityGroup[]): FindingPage[] {
  return groups.flatMap((g) =>
    g.rules.flatMap((group) =>
      group.pages.map((url, i) => ({
        slug: pageSlug(group.anchor, i + 1),
        url,
        group,
        number: i + 1,
        findings: group.findings.slice(i * FINDINGS_PER_PAGE, (i + 1) * FINDINGS_PER_PAGE),
      })),
    ),
  );
}

function pageSlug(anchor: string, number: number): string {
  return number === 1 ? anchor : `${anchor}/${number}`;
}

function slug(text: string): string {
  return anchorSlug(text, 80, 'object');
}
