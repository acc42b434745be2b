import { describeFound as describe, isMapping as isRecord } from '../config/schema.ts';
import { InputError } from '../errors.ts';
import { BROWSER_EXPORT_FORMAT, fromBrowserExport } from './browser-export.ts';
import type { DrillRecord, DrillStep } from './model.ts';

const RESULTS = ['succeeded', 'partial', 'failed'] as const;
const RUNBOOK_ID = /^[a-z0-9][a-z0-9-]*$/;
/** `workload/<namespace>/<Kind>/<name>`, as blast and runbook targets write a workload. */
export const WORKLOAD_TARGET =
  /^workload\/([a-z0-9][-a-z0-9]*)\/([A-Za-z][A-Za-z0-9]*)\/([a-z0-9][-a-z0-9.]*)$/;

/**
 * A drill timeline as exported (JSON), checked field by field: an error names the file and the
 * field, what was found and what to write (docs/drills.md). Times are ISO 8601 with a zone.
 */
export function parseDrill(file: string, text: string): DrillRecord {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not JSON: ${(error as Error).message} (see docs/drills.md)`, { from: { file } });
  }
  const fail = (field: string, message: string): never => {
    throw new InputError(`${message} (see docs/drills.md)`, { from: { file }, field });
  };
  if (isRecord(raw) && raw.format !== undefined) {
    if (raw.format !== BROWSER_EXPORT_FORMAT)
      fail(
        'format',
        `found ${describe(raw.format)}, expected "${BROWSER_EXPORT_FORMAT}" (the runbook page's export) or no format field`,
      );
    raw = fromBrowserExport(raw);
  }
  if (!isRecord(raw))
    return fail(
      '',
      'expected a JSON object with runbook, target, incident, cluster, steps, startedAt, finishedAt',
    );
  const text_ = (field: string, value: unknown, check?: RegExp, expected?: string): string => {
    if (typeof value !== 'string' || value.trim() === '')
      return fail(field, `expected ${expected ?? 'a non-empty string'}, found ${describe(value)}`);
    if (check && !check.test(value)) return fail(field, `found "${value}", expected ${expected}`);
    return value;
  };
  const instant = (field: string, value: unknown): string => {
    const at = text_(
      field,
      value,
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/,
      'an ISO 8601 time with a zone, e.g. "2026-11-24T06:00:00Z"',
    );
    if (Number.isNaN(Date.parse(at))) fail(field, `found "${at}", which is no real time`);
    return at;
  };
  const startedAt = instant('startedAt', raw.startedAt);
  const finishedAt = instant('finishedAt', raw.finishedAt);
  if (Date.parse(finishedAt) < Date.parse(startedAt))
    fail('finishedAt', `${finishedAt} is before startedAt ${startedAt}`);
  if (!Array.isArray(raw.steps)) fail('steps', `expected a list of steps, found ${describe(raw.steps)}`);
  const steps = (raw.steps as unknown[]).map((step, i): DrillStep => {
    const at = `steps[${i}]`;
    if (!isRecord(step))
      return fail(at, `expected an object with id, checkedAt, initials, observed, found ${describe(step)}`);
    return {
      id: text_(`${at}.id`, step.id),
      checkedAt: instant(`${at}.checkedAt`, step.checkedAt),
      initials: text_(`${at}.initials`, step.initials),
      observed:
        typeof step.observed === 'string'
          ? step.observed
          : fail(`${at}.observed`, `expected a string (may be empty), found ${describe(step.observed)}`),
    };
  });
  const result = raw.result ?? 'succeeded';
  if (!(RESULTS as readonly unknown[]).includes(result))
    fail('result', `found ${describe(result)}, expected one of ${RESULTS.join(', ')}`);
  const backup = raw.backup ?? null;
  if (backup !== null && typeof backup !== 'string')
    fail('backup', `expected a string, found ${describe(backup)}`);
  return {
    runbook: text_('runbook', raw.runbook, RUNBOOK_ID, 'a runbook id such as "cnpg-restore"'),
    target: text_(
      'target',
      raw.target,
      WORKLOAD_TARGET,
      'a workload target such as "workload/databases/Cluster/pg-main"',
    ),
    incident: text_('incident', raw.incident),
    cluster: text_('cluster', raw.cluster),
    steps,
    startedAt,
    finishedAt,
    result: result as DrillRecord['result'],
    backup: backup as string | null,
  };
}
