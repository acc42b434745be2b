import { anchorSlug } from '../outline.ts';
import type { Severity } from './content-model.ts';
import { SEVERITIES } from './content-model.ts';
import type { FindingRow } from './site-model.ts';

/**
 * The findings page: one section per severity, one group per rule inside it (the objects it
 * found, each with an anchor of its own), so forty findings of four rules read as four rows.
 * Anchors are stable across regenerations: `#severity-high`, `#rule-backup-stale`, and
 * `#f-backup-stale-databases-pxc-main` per finding.
 */
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
      .map(([rule, findings]) => {
        const fixes = new Set(findings.map((f) => f.fix));
        return {
          rule,
          severity,
          anchor: unique(used.has(`rule-${rule}`) ? `rule-${rule}-${severity}` : `rule-${rule}`),
          docUrl: hasDoc(rule) ? `rules/${rule}/` : null,
          findings: findings.map((f) => ({
            ...f,
            anchor: unique(`f-${rule}-${slug(f.object ?? f.id ?? f.field)}`),
          })),
          sharedFix: fixes.size === 1 && findings.length > 1 ? (findings[0]?.fix ?? null) : null,
        };
      });
    out.push({ severity, count: of.length, rules: groups });
  }
  return out;
}

function slug(text: string): string {
  return anchorSlug(text, 80, 'object');
}
