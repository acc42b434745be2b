import { InputError } from '../../errors.ts';
import type { ObjectRef } from '../blast/model.ts';
import type { Finding } from './model.ts';

/**
 * Findings a team has seen and accepted: a previous `tierbook check --json` output. A finding
 * is the same when its rule, object, field and the shape of its message are: times and
 * standalone numbers (ages, counts) are left out, so a backup one day staler is the same
 * finding, while the same Velero Schedule judged for another workload is a new one.
 */
export interface Baseline {
  file: string;
  keys: ReadonlySet<string>;
}

export interface BaselineComparison {
  /** Not in the baseline: these count for --fail-on. */
  fresh: Finding[];
  /** In the baseline: reported, not failed on. */
  known: Finding[];
  /** Baseline findings the cluster no longer has. */
  gone: number;
}

export function findingKey(f: { rule: string; object: ObjectRef; field: string; message: string }): string {
  const { apiVersion, kind, namespace, name } = f.object;
  return [f.rule, apiVersion, kind, namespace, name, f.field, messageShape(f.message)].join('\u0000');
}

/** The message without what changes from run to run: ISO times, ages ("3 h 53 min") and standalone numbers. */
export function messageShape(message: string): string {
  return message
    .replace(/\d{4}-\d{2}-\d{2}T[\d:.]+Z/g, '<time>')
    .replace(/(?<![\w.\-/])\d+ (?:d|h|min|s)(?: \d+ (?:d|h|min|s))*(?![\w.\-/])/g, '<age>')
    .replace(/(?<![\w.\-/])\d+(?:\.\d+)?(?![\w.\-/])/g, '<n>');
}

export function compareWithBaseline(findings: readonly Finding[], baseline: Baseline): BaselineComparison {
  const fresh: Finding[] = [];
  const known: Finding[] = [];
  const seen = new Set<string>();
  for (const f of findings) {
    const key = findingKey(f);
    if (baseline.keys.has(key)) {
      known.push(f);
      seen.add(key);
    } else fresh.push(f);
  }
  return { fresh, known, gone: baseline.keys.size - seen.size };
}

/** `{"findings": [{rule, object: {apiVersion, kind, namespace, name}, field, …}]}`, checked. */
export function parseBaseline(raw: unknown, file: string): Baseline {
  const where = (field: string) => ({ from: { file }, field });
  const expected = 'the output of "tierbook check --json"';
  if (!isRecord(raw) || !Array.isArray(raw.findings))
    throw new InputError(`expected ${expected}: an object with a "findings" list`, where('findings'));
  const keys = new Set<string>();
  raw.findings.forEach((item: unknown, i: number) => {
    const at = `findings[${i}]`;
    if (!isRecord(item)) throw new InputError('expected a finding object', where(at));
    const object = item.object;
    if (!isRecord(object)) throw new InputError('expected an object reference', where(`${at}.object`));
    const text = (value: unknown, field: string): string => {
      if (typeof value !== 'string')
        throw new InputError(`expected a string, as in ${expected}`, where(field));
      return value;
    };
    keys.add(
      findingKey({
        rule: text(item.rule, `${at}.rule`),
        field: text(item.field, `${at}.field`),
        message: text(item.message, `${at}.message`),
        object: {
          apiVersion: text(object.apiVersion, `${at}.object.apiVersion`),
          kind: text(object.kind, `${at}.object.kind`),
          namespace: text(object.namespace, `${at}.object.namespace`),
          name: text(object.name, `${at}.object.name`),
        },
      }),
    );
  });
  return { file, keys };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
