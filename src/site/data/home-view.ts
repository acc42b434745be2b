import { atRisk } from './at-risk.ts';
import type { Content, WorkloadPage } from './content-model.ts';
import { findingRows } from './impacts.ts';
import { keepsData } from './keeps-data.ts';
import type { PageIndex } from './page-index.ts';
import type { BackupStatusRow, BarChart, HomeView } from './site-model.ts';
import type { FailureDomainRow, VerdictView } from './view-rows.ts';
import { formatAge, TIER_NAMES } from './words.ts';

/** How many failure domains and backup bars the dashboard shows; the rest are one link away. */
const DASHBOARD_ROWS = 10;
const CHART_BARS = 20;

export function homeView(
  content: Content,
  index: PageIndex,
  failureDomains: FailureDomainRow[] | null,
  verdictOf: (id: string) => VerdictView | null = () => null,
): HomeView {
  const { inventory } = content;
  const backupRows = backupStatus(content.workloads, index);
  const high = inventory.findings.high;
  return {
    inventory,
    workloadCount: content.workloads.length,
    storageCount: content.storage.length,
    tierChart: tierChart(content),
    backupChart: backupRows ? backupChart(backupRows) : null,
    backupAttention: backupRows ? backupRows.filter((r) => r.state !== 'ok') : null,
    failureDomains: failureDomains ? failureDomains.slice(0, DASHBOARD_ROWS) : null,
    highFindings: findingRows(high, index),
    atRisk: atRisk(content, index, failureDomains, verdictOf, high),
    findingCounts: inventory.findings.counts,
    neverRestored: neverRestored(content.workloads, index),
  };
}

/** Tier-0/1 workloads whose backups were never restored (no proven restore on their page). */
function neverRestored(workloads: readonly WorkloadPage[], index: PageIndex): HomeView['neverRestored'] {
  if (workloads.length === 0) return null;
  return workloads
    .filter((w) => w.tier.tier <= 1 && w.backups.length > 0 && !w.restores.lastProven)
    .map((w) => ({
      workload: index.link(w.id, w.title),
      tier: w.tier.tier,
      backups: w.backups.length,
    }))
    .sort((a, b) => a.tier - b.tier || a.workload.title.localeCompare(b.workload.title));
}

/** Workloads per tier: the core's counts on the index. */
function tierChart(content: Content): BarChart {
  const bars = Object.entries(content.inventory.tiers)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([tier, value]) => ({
      label: `tier ${tier} ${TIER_NAMES[Number(tier)] ?? ''}`.trim(),
      value,
      display: String(value),
      url: `workloads/#tier-${tier}`,
      tone: `tier-${tier}`,
    }));
  return { title: 'Workloads per tier', bars, marker: null, max: Math.max(1, ...bars.map((b) => b.value)) };
}

/**
 * Each workload with a recovery point objective, against its newest good backup. The verdict
 * per backup (`withinRpo`) is the core's; this only picks the newest and sorts.
 */
function backupStatus(workloads: readonly WorkloadPage[], index: PageIndex): BackupStatusRow[] | null {
  if (workloads.length === 0) return null;
  const rows: BackupStatusRow[] = [];
  for (const w of workloads) {
    const rpoSeconds = w.tier.rpoSeconds;
    if (rpoSeconds === null || !keepsData(w)) continue;
    const ages = w.backups.flatMap((b) => (b.ageSeconds !== null && b.lastSuccess ? [b.ageSeconds] : []));
    const newestAge = ages.length > 0 ? Math.min(...ages) : null;
    const state =
      w.backups.length === 0 ? 'unprotected' : w.backups.some((b) => b.withinRpo) ? 'ok' : 'stale';
    const why =
      state === 'unprotected'
        ? 'no backup covers it'
        : state === 'stale'
          ? `newest good backup ${newestAge === null ? 'never ran' : `is ${formatAge(newestAge)} old`}`
          : `newest good backup is ${formatAge(newestAge)} old`;
    rows.push({
      workload: index.link(w.id, w.title),
      tier: w.tier.tier,
      rpo: w.tier.rpo,
      rpoSeconds,
      state,
      newestAge,
      why,
    });
  }
  const rank = { unprotected: 0, stale: 1, ok: 2 };
  return rows.sort(
    (a, b) =>
      rank[a.state] - rank[b.state] ||
      (a.tier ?? 9) - (b.tier ?? 9) ||
      a.workload.title.localeCompare(b.workload.title),
  );
}

function backupChart(rows: readonly BackupStatusRow[]): BarChart | null {
  const measured = rows
    .flatMap((r) => {
      if (r.rpoSeconds === 0 || r.newestAge === null) return [];
      return [{ row: r, ratio: r.newestAge / r.rpoSeconds }];
    })
    .sort((a, b) => b.ratio - a.ratio)
    .slice(0, CHART_BARS);
  if (measured.length === 0) return null;
  const bars = measured.map(({ row, ratio }) => ({
    label: row.workload.title,
    value: Math.min(ratio, 3),
    display: `${formatAge(row.newestAge)} (RPO ${row.rpo})`,
    url: row.workload.url,
    tone: ratio > 1 ? 'bad' : 'ok',
  }));
  return {
    title: 'Age of the newest good backup, against the RPO',
    bars,
    marker: { value: 1, label: 'RPO' },
    max: 3,
  };
}
