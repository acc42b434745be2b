import type {
  BackupEntry,
  FailureDomain,
  FindingEntry,
  Impact,
  ImpactEntry,
  StorageBlast,
  TierInfo,
} from './content-model.ts';
import { IMPACTS, SEVERITIES } from './content-model.ts';
import type { Fields } from './fields.ts';

/** Readers for the analysis results the core adds to content/ front matter (all optional). */

export function readTier(f: Fields | null): TierInfo | null {
  if (!f) return null;
  const inherited = f.optionalRecord('inheritedFrom');
  return {
    tier: f.number('tier'),
    rule: f.optionalString('rule') ?? '',
    reason: f.optionalString('reason') ?? '',
    rpo: f.optionalString('rpo'),
    rto: f.optionalString('rto'),
    inheritedFrom: inherited
      ? {
          workload: inherited.string('workload'),
          path: inherited.strings('path'),
        }
      : null,
  };
}

export function readImpact(f: Fields): ImpactEntry {
  return {
    id: f.optionalString('id') ?? '',
    title: f.optionalString('title') ?? f.optionalString('id') ?? '',
    tier: f.optionalNumber('tier'),
    impact: f.oneOf('impact', IMPACTS),
    why: f.strings('why'),
    // A backup whose survival is not written is counted as lost: never a false "safe".
    backups: Array.isArray(f.value.backups)
      ? f.records('backups', (b) => ({ survives: b.optionalBoolean('survives') ?? false }))
      : null,
  };
}

export function readImpactCounts(f: Fields | null): Record<Impact, number> {
  const counts = { 'data-loss': 0, unavailable: 0, degraded: 0 };
  if (!f) return counts;
  for (const impact of IMPACTS) counts[impact] = f.optionalNumber(impact) ?? 0;
  return counts;
}

export function readStorageBlast(f: Fields | null): StorageBlast | null {
  if (!f) return null;
  const impacts = f.records('impacts', readImpact);
  const counts = f.optionalRecord('counts');
  return {
    target: f.optionalString('target') ?? '',
    counts: counts ? readImpactCounts(counts) : countImpacts(impacts),
    assumptions: f.strings('assumptions'),
    impacts,
  };
}

function countImpacts(impacts: ImpactEntry[]): Record<Impact, number> {
  const counts = { 'data-loss': 0, unavailable: 0, degraded: 0 };
  for (const i of impacts) counts[i.impact] += 1;
  return counts;
}

export function readFinding(f: Fields): FindingEntry {
  const object = f.optionalRecord('object');
  const named = object
    ? [
        object.optionalString('kind'),
        qualified(object.optionalString('namespace'), object.optionalString('name')),
      ]
        .filter(Boolean)
        .join(' ')
    : f.optionalString('object');
  return {
    rule: f.string('rule'),
    severity: f.oneOf('severity', SEVERITIES),
    id: f.optionalString('id'),
    object: named || null,
    field: f.optionalString('field') ?? '',
    message: f.optionalString('message') ?? '',
    fix: f.optionalString('fix') ?? '',
  };
}

function qualified(namespace: string | null, name: string | null): string {
  if (!name) return '';
  return namespace ? `${namespace}/${name}` : name;
}

/**
 * One protection. `takenAt` dates the inventory: the age shown is the time from the last
 * success to then (the core writes no age, so content/ does not change with the clock);
 * `withinRpo` is the core's verdict.
 */
export function readBackup(f: Fields, takenAt: string): BackupEntry {
  const destination = f.optionalRecord('destination');
  const lastSuccess = f.optionalString('lastSuccess');
  const age = lastSuccess ? (Date.parse(takenAt) - Date.parse(lastSuccess)) / 1000 : Number.NaN;
  return {
    system: f.optionalString('system') ?? '',
    method: f.optionalString('method') ?? '',
    schedule: f.optionalString('schedule'),
    lastSuccess,
    state: f.optionalString('state') ?? 'unknown',
    ageSeconds: Number.isFinite(age) ? Math.max(0, age) : null,
    withinRpo: f.optionalBoolean('withinRpo'),
    lastError: f.optionalString('lastError'),
    destination: destination
      ? {
          where: destination.optionalString('where') ?? 'unknown',
          url: destination.optionalString('url'),
          why: destination.optionalString('why') ?? '',
        }
      : null,
  };
}

export function readFailureDomain(f: Fields): FailureDomain {
  return {
    target: f.string('target'),
    node: f.optionalString('node'),
    counts: readImpactCounts(f.optionalRecord('counts')),
    worstTier: f.optionalNumber('worstTier'),
    summary: f.optionalString('summary') ?? '',
  };
}

/** `findings` on the index: counts per severity and the high ones. */
export function readFindingSummary(
  f: Fields | null,
): { counts: Record<string, number>; high: FindingEntry[] } | null {
  if (!f) return null;
  const counts = f.optionalRecord('counts') ? f.numberMap('counts') : {};
  if (!f.optionalRecord('counts')) {
    for (const s of SEVERITIES) {
      const n = f.optionalNumber(s);
      if (n !== null) counts[s] = n;
    }
  }
  return { counts, high: f.records('high', readFinding) };
}
