import { blastRadius } from '../analysis/blast/blast-radius.ts';
import type { BlastResult, WorkloadImpact } from '../analysis/blast/model.ts';
import { IMPACT_ORDER } from '../analysis/blast/model.ts';
import { resolveTarget } from '../analysis/blast/targets.ts';
import type { Analysis } from '../analysis/model.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import type { DomainBlast } from '../inventory/storage-entries.ts';
import type { GuardInventoryTable } from './inventory-table.ts';
import { answerKey, kindOf, type Part, savedRuns, VALUES_A_LINE } from './saved-answers.ts';
import { utf8Length } from './saved-context.ts';
import type { BlastRun } from './weigh.ts';

/*
 * How `inventory` writes the answers saved ahead (saved-answers.ts says which): every string
 * once, the rest numbers naming them, each answer a line with its own offset and digest.
 */

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

/**
 * The blast of each run saved (savedRuns), as the guard would compute it on this analysis; a
 * target the blast cannot resolve is left out (the guard then computes it, and says why). A
 * failure domain the inventory weighed already on this same analysis (`known`, lost, not an
 * outage) is taken as it is when its text resolves to the same graph nodes.
 */
export function savedBlasts(
  analysis: Analysis,
  table: GuardInventoryTable,
  known: readonly DomainBlast[],
): { run: BlastRun; result: BlastResult }[] {
  const byText = new Map(known.map((d) => [d.target.text, d]));
  const out: { run: BlastRun; result: BlastResult }[] = [];
  for (const run of savedRuns(table)) {
    try {
      const [text] = run.targets;
      const domain = !run.outage && text !== undefined ? byText.get(text) : undefined;
      const same =
        domain !== undefined &&
        text !== undefined &&
        resolveTarget(analysis, text).nodes.join('\n') === domain.target.nodes.join('\n');
      out.push({
        run,
        result: same ? domain.result : blastRadius(analysis, run.targets, { outage: run.outage }),
      });
    } catch {
      // Not saved: the decision computes it from the context and meets the same error.
    }
  }
  return out;
}
