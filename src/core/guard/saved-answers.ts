import type { BackupSystem } from '../analysis/backups/model.ts';
import {
  type BackupSurvival,
  type BlastResult,
  IMPACT_ORDER,
  type Impact,
  type ObjectRef,
  type WorkloadImpact,
} from '../analysis/blast/model.ts';
import { ageSecondsAt } from '../analysis/checks/age.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import { type GuardInventoryTable, osdTarget } from './inventory-table.ts';
import { utf8Length } from './saved-context.ts';
import type { BlastRun, ImpactSource } from './weigh.ts';

/*
 * The blast radius of each failure domain a command can name alone (an OSD, a disk, a node, a
 * pool), saved ahead by `inventory` in guard-context.json, so purging an OSD of a large cluster
 * is answered without reading or weighing its thousands of workloads: the answer is read, not
 * computed. Each answer is the `blastRadius(analysis, [target], { outage })` that analysis
 * gives, kept whole (every impact, reason and backup); a restore's age is kept as its time and
 * measured against the decision's `now`, as the blast does. So is each claim lost alone
 * (`kubectl delete pvc`, `rbd rm`) and each workload stopped alone (`kubectl scale
 * --replicas=0`, a stateless workload deleted). A decision with any other blast (several
 * targets at once: a namespace, a release, a StatefulSet with its claims) computes it from the
 * saved analysis instead.
 */

type Effect = 'lost' | 'down';

/** The effects saved for each kind of target: what the command table can make of it alone. */
const SAVED_EFFECTS = {
  osd: ['lost', 'down'],
  device: ['lost'],
  node: ['lost', 'down'],
  pool: ['lost', 'down'],
  pvc: ['lost'],
  workload: ['down'],
} as const satisfies Record<string, readonly Effect[]>;

/** The name a single-target blast is saved under: `lost osd/3`, `down node/k8s-1`; null for others. */
export function answerKey(run: Pick<BlastRun, 'targets' | 'outage'>): string | null {
  const [target, ...more] = run.targets;
  return target !== undefined && more.length === 0 ? `${run.outage ? 'down' : 'lost'} ${target}` : null;
}

/**
 * The blasts saved for an inventory's table: each OSD, disk, node, pool, claim and workload,
 * alone, each effect its kind is saved with.
 */
export function savedRuns(table: GuardInventoryTable): BlastRun[] {
  const qualify = new Set(table.osds.map((o) => o.namespace)).size > 1;
  const named: [string, readonly Effect[]][] = [
    ...table.osds.map((o): [string, readonly Effect[]] => [osdTarget(o, qualify), SAVED_EFFECTS.osd]),
    ...table.disks.map((d): [string, readonly Effect[]] => [d.match.target, SAVED_EFFECTS.device]),
    ...table.nodes.map((n): [string, readonly Effect[]] => [`node/${n}`, SAVED_EFFECTS.node]),
    ...table.pools.map((p): [string, readonly Effect[]] => [
      `pool/${p.namespace}/${p.name}`,
      SAVED_EFFECTS.pool,
    ]),
    ...table.claims.map((c): [string, readonly Effect[]] => [
      `pvc/${c.namespace}/${c.name}`,
      SAVED_EFFECTS.pvc,
    ]),
    ...table.workloads.map((w): [string, readonly Effect[]] => [w.match.target, SAVED_EFFECTS.workload]),
  ];
  const runs = new Map<string, BlastRun>();
  for (const [target, effects] of named)
    for (const effect of effects) {
      const run = { targets: [target], outage: effect === 'down', worstCase: false };
      runs.set(answerKey(run) ?? '', run);
    }
  return [...runs.values()];
}

/**
 * Strings a line of `values`: a decision reads the lines its answer names, not the table (an
 * answer's own strings, first written with it, sit together in a few lines).
 */
const VALUES_A_LINE = 512;

/** The texts of the saved answers' sections (each a JSON text and a newline). */
export interface AnswerSections {
  /**
   * Every string of every answer, once, `VALUES_A_LINE` a line: the rest name them by position
   * in the whole table.
   */
  values: string;
  /** Per workload answered: `[id, apiVersion, kind, namespace, name, tier, tier reason]`. */
  workloads: string;
  /** The distinct lists of backups: `[kind, system, last success, survives, why, restore]`. */
  backups: string;
  /**
   * `keys`: per kind of target (`osd`, `pvc`…), `[offset, bytes, SHA-256]` of its line of keys
   * in section `answers`; `values`: the same of each line of section `values`.
   */
  index: string;
  /**
   * One line per answer: `[[assumption…], [[workload, impact, [why…], backups]…]]`; then a
   * line per kind of target: each answer's key (`lost osd/3`) and `[offset, bytes, SHA-256]` of
   * its line.
   */
  answers: string;
}

/**
 * The sections for `results` (each a saved run and the blast the analysis gives for it).
 * `tierReason` is the analysis's reason for a workload's tier; `restoreAt` the time a restore
 * evidence is measured from (restoreTime), to measure its age again against a decision's `now`.
 */
export function answerSections(
  results: readonly { run: BlastRun; result: BlastResult }[],
  tierReason: (workload: string) => string,
  restoreAt: (workload: string, evidence: string) => string | null,
  digest: (data: string) => string,
): AnswerSections {
  const values: string[] = [];
  const valueAt = new Map<string, number>();
  const value = (text: string): number => {
    let at = valueAt.get(text);
    if (at === undefined) {
      at = values.push(text) - 1;
      valueAt.set(text, at);
    }
    return at;
  };
  const orNull = (text: string | null) => (text === null ? null : value(text));
  const workloads: (number | Tier)[][] = [];
  const workloadAt = new Map<string, number>();
  const workload = (i: WorkloadImpact): number => {
    let at = workloadAt.get(i.id);
    if (at === undefined) {
      const { apiVersion, kind, namespace, name } = i.workload;
      at =
        workloads.push([
          value(i.id),
          value(apiVersion),
          value(kind),
          value(namespace),
          value(name),
          i.tier,
          value(tierReason(i.id)),
        ]) - 1;
      workloadAt.set(i.id, at);
    }
    return at;
  };
  const backups: string[] = [];
  const backupsAt = new Map<string, number>();
  const backupList = (i: WorkloadImpact): number => {
    const row = JSON.stringify(
      i.backups.map((b) => [
        value(b.kind),
        value(b.system),
        orNull(b.last_success),
        b.survives ? 1 : 0,
        value(b.why),
        b.last_restore
          ? [
              orNull(b.last_restore.finished_at),
              orNull(restoreAt(i.id, b.last_restore.evidence)),
              b.last_restore.duration_seconds,
              value(b.last_restore.evidence),
            ]
          : null,
      ]),
    );
    let at = backupsAt.get(row);
    if (at === undefined) {
      at = backups.push(row) - 1;
      backupsAt.set(row, at);
    }
    return at;
  };
  const keys = new Map<string, Record<string, Part>>();
  const lines: string[] = [];
  let offset = 0;
  for (const { run, result } of results) {
    const key = answerKey(run);
    if (key === null) continue;
    const line = `${JSON.stringify([
      result.assumptions.map(value),
      result.impacts.map((i) => [
        workload(i),
        IMPACT_ORDER.indexOf(i.impact),
        i.why.map(value),
        backupList(i),
      ]),
    ])}\n`;
    // Numbers only: one byte a character.
    const kind = kindOf(key);
    let entries = keys.get(kind);
    if (entries === undefined) {
      entries = {};
      keys.set(kind, entries);
    }
    entries[key] = [offset, line.length, digest(line)];
    offset += line.length;
    lines.push(line);
  }
  const keyParts: Record<string, Part> = {};
  for (const [kind, entries] of keys) {
    const line = `${JSON.stringify(entries)}\n`;
    const bytes = utf8Length(line);
    keyParts[kind] = [offset, bytes, digest(line)];
    lines.push(line);
    offset += bytes;
  }
  const rows = (items: readonly string[]) => (items.length === 0 ? '[]\n' : `[\n${items.join(',\n')}\n]\n`);
  const valueLines: string[] = [];
  const valueParts: [number, number, string][] = [];
  let at = 0;
  for (let first = 0; first < values.length; first += VALUES_A_LINE) {
    const line = `${JSON.stringify(values.slice(first, first + VALUES_A_LINE))}\n`;
    const bytes = utf8Length(line);
    valueParts.push([at, bytes, digest(line)]);
    valueLines.push(line);
    at += bytes;
  }
  return {
    values: valueLines.join(''),
    workloads: rows(workloads.map((w) => JSON.stringify(w))),
    backups: rows(backups),
    index: `${JSON.stringify({ keys: keyParts, values: valueParts })}\n`,
    answers: lines.join(''),
  };
}

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

/** Where a part of a section is: its offset, its size in bytes, its SHA-256. */
type Part = [number, number, string];

/** `lost osd/3` → `osd`: keys are read a kind at a time. */
function kindOf(key: string): string {
  const target = key.slice(key.indexOf(' ') + 1);
  return target.slice(0, target.indexOf('/'));
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
