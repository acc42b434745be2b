import { parseId } from '../../core/graph/ids.ts';
import type { RestoreEntry } from '../../core/inventory/restore-entries.ts';
import type { Fields } from './fields.ts';

/** A workload's restores as the site shows them: the last proven one and every restore, newest first. */
export interface RestoreSummary {
  /** The core's own shape (src/core/inventory/restore-entries.ts). */
  lastProven: RestoreEntry['lastProven'];
  evidence: {
    id: string;
    /** "drill cnpg-restore (drill-2026-11-12)", "velero Restore velero/wiki-drill". */
    label: string;
    system: string;
    result: string;
    backup: string | null;
    finishedAt: string | null;
    startedAt: string | null;
    durationSeconds: number | null;
    detail: string | null;
  }[];
}

/** The `restores` front matter of a workload page (src/core/inventory/restore-entries.ts). */
export function readRestores(f: Fields | null): RestoreSummary | null {
  if (!f) return null;
  const last = f.optionalRecord('lastProven');
  return {
    lastProven: last
      ? {
          id: last.string('id'),
          at: last.optionalString('at'),
          ageSeconds: last.optionalNumber('ageSeconds'),
          durationSeconds: last.optionalNumber('durationSeconds'),
          measured: last.optionalString('measured') ?? '',
          backup: last.optionalString('backup'),
          rto: last.optionalString('rto') ?? '',
          withinRto: last.optionalBoolean('withinRto'),
        }
      : null,
    evidence: f.records('evidence', (e) => ({
      id: e.string('id'),
      label: labelOf(e),
      system: e.string('system'),
      result: e.string('result'),
      backup: e.optionalString('backup'),
      finishedAt: e.optionalString('finishedAt'),
      startedAt: e.optionalString('startedAt'),
      durationSeconds: e.optionalNumber('durationSeconds'),
      detail: e.optionalString('detail'),
    })),
  };
}

function labelOf(e: Fields): string {
  const system = e.string('system');
  if (system === 'drill')
    return `drill ${e.optionalString('runbook') ?? ''} (${e.optionalString('incident') ?? 'no incident id'})`;
  const { kind, namespace, name } = parseId(e.string('id'));
  return `${system} ${kind} ${namespace ? `${namespace}/` : ''}${name}`;
}
