import type { BackupSystem } from '../analysis/backups/model.ts';
import {
  type BackupSurvival,
  IMPACT_ORDER,
  type Impact,
  type ObjectRef,
  type WorkloadImpact,
} from '../analysis/blast/model.ts';
import { ageSecondsAt } from '../analysis/checks/age.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import { answerKey, kindOf, type Part, VALUES_A_LINE } from './saved-answers.ts';
import type { BlastRun, ImpactSource } from './weigh.ts';

/*
 * How a guard decision reads the answers saved ahead (saved-answers.ts): each section, line of
 * keys, answer and line of strings read and verified when first needed, the restore ages
 * measured at the decision's `now`.
 */

/** How the saved answers are read: each section or part parsed when first needed, verified first. */
export interface AnswerReader {
  /** A section's JSON, parsed (its checksum verified). */
  section(name: 'workloads' | 'backups' | 'index'): unknown;
  /** `bytes` bytes at `offset` of section `answers` or `values`, parsed, when their SHA-256 is `digest`. */
  part(name: 'answers' | 'values', offset: number, bytes: number, digest: string): unknown;
}

/** The answers saved, as a source of blasts for a decision: `has` says which runs it holds. */
export interface SavedAnswers extends ImpactSource {
  has(run: BlastRun): boolean;
}

/** Saved answers read through `reader`, restore ages measured against `now`. */
export function savedAnswers(reader: AnswerReader, now: string): SavedAnswers {
  let index: { keys: Record<string, unknown>; values: unknown[] } | undefined;
  const indexOf = () => {
    if (index === undefined) {
      const read = record(reader.section('index'), 'index');
      index = {
        keys: record(read.keys, 'index of keys'),
        values: list(read.values, 'index of values'),
      };
    }
    return index;
  };
  // Each kind's keys read when a run of that kind is first asked for.
  const keysOf = new Map<string, Record<string, unknown>>();
  const indexed = (run: BlastRun): Part | null => {
    const key = answerKey(run);
    if (key === null) return null;
    const kind = kindOf(key);
    let entries = keysOf.get(kind);
    if (entries === undefined) {
      const { keys } = indexOf();
      entries = Object.hasOwn(keys, kind)
        ? record(reader.part('answers', ...part(keys[kind], `keys of ${kind}`)), `keys of ${kind}`)
        : {};
      keysOf.set(kind, entries);
    }
    return Object.hasOwn(entries, key) ? part(entries[key], key) : null;
  };
  const valueLines: unknown[][] = [];
  const text = (at: unknown): string => {
    const position = typeof at === 'number' && Number.isInteger(at) && at >= 0 ? at : -1;
    const line = Math.floor(position / VALUES_A_LINE);
    let values = valueLines[line];
    if (values === undefined) {
      const entry = indexOf().values[line];
      if (entry === undefined) throw new Error(`answers: no value ${String(at)}`);
      values = list(reader.part('values', ...part(entry, `values line ${line}`)), 'values');
      valueLines[line] = values;
    }
    const found = values[position - line * VALUES_A_LINE];
    if (typeof found !== 'string') throw new Error(`answers: no value ${String(at)}`);
    return found;
  };
  const textOrNull = (at: unknown) => (at === null ? null : text(at));
  const reasons = new Map<string, string>();
  const workloads: { id: string; workload: ObjectRef; tier: Tier }[] = [];
  let workloadRows: unknown[] | undefined;
  const workload = (at: unknown) => {
    workloadRows ??= list(reader.section('workloads'), 'workloads');
    const position = typeof at === 'number' ? at : -1;
    let made = workloads[position];
    if (made === undefined) {
      const row = workloadRows[position];
      if (!Array.isArray(row) || row.length !== 7) throw new Error(`answers: no workload ${String(at)}`);
      const [id, apiVersion, kind, namespace, name, tier, reason] = row as unknown[];
      if (typeof tier !== 'number') throw new Error(`answers: workload ${String(at)} has no tier`);
      made = {
        id: text(id),
        workload: {
          apiVersion: text(apiVersion),
          kind: text(kind),
          namespace: text(namespace),
          name: text(name),
        },
        tier: tier as Tier,
      };
      reasons.set(made.id, text(reason));
      workloads[position] = made;
    }
    return made;
  };
  let backupRows: unknown[] | undefined;
  const backupLists: BackupSurvival[][] = [];
  // A fresh list each impact (a caller may change one), from rows parsed once.
  const backupsOf = (at: unknown): BackupSurvival[] => {
    backupRows ??= list(reader.section('backups'), 'backups');
    const position = typeof at === 'number' ? at : -1;
    let made = backupLists[position];
    if (made === undefined) {
      const row = backupRows[position];
      if (!Array.isArray(row)) throw new Error(`answers: no backups ${String(at)}`);
      made = row.map(backup);
      backupLists[position] = made;
    }
    return made.map((b) => ({ ...b, ...(b.last_restore ? { last_restore: { ...b.last_restore } } : {}) }));
  };
  const backup = (row: unknown): BackupSurvival => {
    if (!Array.isArray(row) || row.length !== 6) throw new Error('answers: a backup is not a row');
    const [kind, system, lastSuccess, survives, why, restore] = row as unknown[];
    const made: BackupSurvival = {
      kind: text(kind),
      system: text(system) as BackupSystem,
      last_success: textOrNull(lastSuccess),
      survives: survives === 1,
      why: text(why),
    };
    if (restore !== null) {
      if (!Array.isArray(restore) || restore.length !== 4) throw new Error('answers: a restore is not a row');
      const [finishedAt, at, duration, evidence] = restore as unknown[];
      made.last_restore = {
        finished_at: textOrNull(finishedAt),
        age_seconds: ageSecondsAt(textOrNull(at), now),
        duration_seconds: typeof duration === 'number' ? duration : null,
        evidence: text(evidence),
      };
    }
    return made;
  };

  return {
    has: (run) => indexed(run) !== null,
    blast(run) {
      const entry = indexed(run);
      if (entry === null) throw new Error(`no answer saved for ${run.targets.join(' + ')}`);
      const parsed = reader.part('answers', ...entry);
      if (!Array.isArray(parsed) || parsed.length !== 2) throw new Error('answers: an answer is not a pair');
      const [assumptions, impacts] = parsed as unknown[];
      return {
        assumptions: list(assumptions, 'assumptions').map(text),
        impacts: list(impacts, 'impacts').map((row): WorkloadImpact => {
          if (!Array.isArray(row) || row.length !== 4) throw new Error('answers: an impact is not a row');
          const [w, impact, why, backups] = row as unknown[];
          const { id, workload: ref, tier } = workload(w);
          const level = typeof impact === 'number' ? IMPACT_ORDER[impact] : undefined;
          if (level === undefined) throw new Error(`answers: no impact ${String(impact)}`);
          return {
            id,
            workload: { ...ref },
            tier,
            impact: level as Impact,
            why: list(why, 'why').map(text),
            backups: backupsOf(backups),
          };
        }),
      };
    },
    tierReason: (id) => reasons.get(id) ?? '',
  };
}

function part(entry: unknown, what: string): Part {
  if (!Array.isArray(entry) || entry.length !== 3) throw new Error(`answers index: ${what} is not an entry`);
  const [offset, bytes, digest] = entry as unknown[];
  if (typeof offset !== 'number' || typeof bytes !== 'number' || typeof digest !== 'string')
    throw new Error(`answers index: ${what} is not an entry`);
  return [offset, bytes, digest];
}

function list(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new Error(`answers: ${what} is not a list`);
  return value;
}

function record(value: unknown, what: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    throw new Error(`answers: ${what} is not an object`);
  return value as Record<string, unknown>;
}
