import type { RootContent } from 'mdast';
import type { Finding } from '../analysis/checks/model.ts';
import type { BackupEntry, ImpactEntry, TierEntry } from '../inventory/model.ts';
import { capItems, impactTally, mustList } from './capped-list.ts';
import { linkTo, type PageIndex } from './links.ts';
import { code, heading, list, paragraph, section, strong, withCode } from './markdown.ts';

/** "Tier 0 (RPO 15m, RTO 1h): reason", and who raised it. */
export function tierSection(tier: TierEntry, from: string, pages: PageIndex): RootContent[] {
  const lines: RootContent[] = [
    heading(2, 'Tier'),
    paragraph(
      strong(`Tier ${tier.tier}`),
      ` (RPO ${tier.rpo}, RTO ${tier.rto}), by rule ${tier.rule}: ${tier.reason}.`,
    ),
  ];
  if (tier.own && tier.inheritedFrom) {
    lines.push(
      paragraph(
        `On its own it would be tier ${tier.own.tier} (${tier.own.reason}); `,
        linkTo(pages, from, tier.inheritedFrom.workload, tier.inheritedFrom.title),
        ' needs it.',
      ),
    );
  }
  return lines;
}

export function backupsSection(
  backups: readonly BackupEntry[],
  from: string,
  pages: PageIndex,
): RootContent[] {
  return section(
    'Backups',
    backups.map((b) => [
      linkTo(pages, from, b.id, b.title),
      ` (${b.method}): ${b.state}`,
      b.lastSuccess ? `, last success ${b.lastSuccess}` : ', never succeeded',
      b.withinRpo === false ? ' (older than the RPO)' : '',
      `; copy ${b.destination.where === 'outside' ? 'outside the cluster' : b.destination.where === 'in-cluster' ? 'inside the cluster' : 'in an unknown place'}`,
      b.destination.url ? ` at ${b.destination.url}` : '',
      b.lastError ? `; last error: ${b.lastError}` : '',
    ]),
    'Nothing found that protects its data.',
  );
}

/**
 * Impacts grouped by what happens, each with its tier and first reason: the most severe first,
 * at most `LISTED` of them plus every tier-0 data loss, then a tally of the rest.
 */
export function impactSection(
  title: string,
  impacts: readonly ImpactEntry[],
  from: string,
  pages: PageIndex,
  empty: string,
  whereAll: string,
): RootContent[] {
  const { shown, rest } = capItems(impacts, mustList);
  const lines = section(
    title,
    shown.map((i) => [
      strong(i.impact),
      ' ',
      linkTo(pages, from, i.id, i.title),
      ` (tier ${i.tier}): ${i.why.join('; ')}`,
    ]),
    empty,
  );
  if (rest.length > 0)
    lines.push(
      paragraph(...withCode(`And ${rest.length} more, not listed here: ${impactTally(rest)}. ${whereAll}`)),
    );
  return lines;
}

export function findingsSection(findings: readonly Finding[]): RootContent[] {
  if (findings.length === 0) return [];
  return [
    heading(2, 'Findings'),
    list(
      findings.map((f) => [strong(f.severity), ' ', code(f.rule), ` ${f.field}: ${f.message} Fix: ${f.fix}`]),
    ),
  ];
}
