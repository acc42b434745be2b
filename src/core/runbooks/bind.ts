import { createHash } from 'node:crypto';
import { blastRadius, resolveTarget, type Target } from '../analysis/blast/index.ts';
import type { BlastResult } from '../analysis/blast/model.ts';
import type { Analysis } from '../analysis/model.ts';
import { UsageError } from '../errors.ts';
import { appliesTo } from './applies.ts';
import { readAppliesTo } from './applies-to.ts';
import { runGates } from './gates.ts';
import type {
  BoundCommand,
  BoundRunbook,
  BoundStep,
  FillIn,
  Runbook,
  RunbookCommand,
  RunbookTargetType,
} from './model.ts';
import { blastRestoreSet, clusterRestoreSet, restoreOrder, workloadRestoreSet } from './order.ts';
import { fillPrompt, PLACEHOLDER } from './placeholders.ts';
import { PLACEHOLDERS } from './vocabulary.ts';
import type { BindContext, OrderEntry, PlaceholderValue } from './vocabulary-model.ts';

export interface BindOptions {
  /** The inventory's cluster name. */
  cluster: string;
  /** When the inventory was read (ISO 8601). */
  takenAt: string;
  /** What the read could not see (forbidden kinds, skipped files); undefined when not known. */
  unread?: readonly string[];
  /**
   * Blast radii already computed for targets lost with their data (the inventory's failure
   * domains), by `knownBlastKey`: a runbook bound to one of them reuses it instead of walking
   * the cluster again.
   */
  knownBlasts?: ReadonlyMap<string, BlastResult>;
}

/** The key a target's blast radius (lost with its data) is kept under in `knownBlasts`. */
export function knownBlastKey(target: Target): string {
  return `${target.type}\n${target.text}\n${target.nodes.join('\n')}`;
}

/**
 * Binds a runbook to one target (docs/runbooks.md): resolves the target like `tierbook blast`,
 * fills every placeholder from the inventory, computes the gates and, for a restore runbook,
 * the restore order. What the inventory does not hold is a fill-in (`⟨fill in: …⟩`), never a
 * guess. A target the runbook does not apply to is a usage error.
 */
export function bindRunbook(
  runbook: Runbook,
  analysis: Analysis,
  target: string | null,
  opts: BindOptions,
): BoundRunbook {
  const resolved = resolveRunbookTarget(runbook, analysis, target);
  const type: RunbookTargetType = resolved ? (resolved.type as RunbookTargetType) : 'cluster';
  const node = resolved ? (analysis.index.node(resolved.nodes[0] ?? '') ?? null) : null;
  const backupSystem = backupSystemOf(runbook);
  let blast: BlastResult | null | undefined;
  const blastOf = () => {
    if (blast === undefined)
      blast =
        resolved && type !== 'workload'
          ? ((runbook.meta.blast !== 'down' ? opts.knownBlasts?.get(knownBlastKey(resolved)) : undefined) ??
            blastRadius(analysis, [resolved], { outage: runbook.meta.blast === 'down' }))
          : null;
    return blast;
  };
  let order: OrderEntry[] | undefined;
  const orderOf = () => {
    order ??= restoreOrder(
      analysis,
      type === 'workload' && resolved
        ? workloadRestoreSet(analysis, resolved.nodes[0] ?? '')
        : type === 'cluster'
          ? clusterRestoreSet(analysis)
          : blastRestoreSet(blastOf() as BlastResult),
    );
    return order;
  };
  const ctx: BindContext = {
    analysis,
    type,
    node,
    cluster: opts.cluster,
    takenAt: opts.takenAt,
    backupSystem,
    order: orderOf,
  };
  const values = new Map<string, PlaceholderValue>();
  for (const name of runbook.placeholders) {
    const row = PLACEHOLDERS.get(name);
    if (row) values.set(name, row.compute(ctx));
  }
  const fillIns: FillIn[] = [];
  const sub = new Substituter(values, fillIns);
  const gates = runGates(type, {
    analysis,
    target: resolved,
    blast: blastOf,
    backupSystem,
    unread: opts.unread,
  });
  const steps: BoundStep[] = runbook.steps.map((s, i) => {
    const notes = new Set<string>();
    const command = (c: RunbookCommand | null): BoundCommand | null => (c ? sub.command(c, notes) : null);
    const action = command(s.action);
    const verify = s.verify
      ? {
          command: command(s.verify.command),
          expect: sub.text(s.verify.expect, notes),
          ...(s.verify.look !== undefined ? { look: sub.text(s.verify.look, notes) } : {}),
        }
      : null;
    const title = sub.text(s.title, notes);
    const checks = s.checks.map((c) => sub.text(c, notes));
    const abort = s.abort.map((a) => sub.text(a, notes));
    const pointOfNoReturn = s.pointOfNoReturn === null ? null : sub.text(s.pointOfNoReturn, notes);
    const text = sub.text(s.text, notes);
    // Notes (how to find a value the inventory lacks) come first, once, whatever part needed them.
    return {
      id: s.id,
      number: i + 1,
      title,
      text: [...notes, text].filter((t) => t !== '').join('\n\n'),
      pause: s.pause,
      checks,
      action,
      verify,
      abort,
      pointOfNoReturn,
      cites: s.cites,
    };
  });
  const intro = sub.text(runbook.intro, new Set());
  const bound = Object.fromEntries([...values.entries()].sort(([a], [b]) => (a < b ? -1 : 1)));
  return {
    id: runbook.meta.id,
    title: runbook.meta.title,
    version: runbook.meta.version,
    target: resolved?.text ?? null,
    cluster: opts.cluster,
    inventoryTakenAt: opts.takenAt,
    hash: createHash('sha256')
      .update(`${runbook.digest}\n${resolved?.text ?? ''}\n${JSON.stringify(bound)}`)
      .digest('hex')
      .slice(0, 12),
    rto: runbook.meta.rto,
    tier: runbook.meta.tier,
    sources: runbook.meta.sources,
    intro,
    gates,
    order: isRestore(runbook) ? orderOf() : [],
    fillIns: unique(fillIns),
    steps,
  };
}

/** The target as `tierbook blast` resolves it, checked against the runbook's appliesTo. */
function resolveRunbookTarget(runbook: Runbook, analysis: Analysis, target: string | null): Target | null {
  const id = runbook.meta.id;
  const forms = runbook.meta.appliesTo.join(', ');
  if (target === null) {
    if (appliesTo(runbook, analysis, null)) return null;
    throw new UsageError(`runbook ${id} needs a target: it applies to ${forms}`);
  }
  const resolved = resolveTarget(analysis, target);
  if (!appliesTo(runbook, analysis, resolved))
    throw new UsageError(`runbook ${id} does not apply to ${resolved.text}: it applies to ${forms}`);
  return resolved;
}

function backupSystemOf(runbook: Runbook): string | null {
  for (const entry of runbook.meta.appliesTo) {
    const read = readAppliesTo(entry);
    if (read && 'backup' in read) return read.backup;
  }
  return null;
}

/**
 * A restore runbook gets the restore order: it restores from a backup system
 * (`appliesTo: backup/…`), its id ends in `-restore` or `-rebuild`, or it prints `{{restore.order}}`.
 */
export function isRestore(runbook: Runbook): boolean {
  return (
    backupSystemOf(runbook) !== null ||
    /-(restore|rebuild)$/.test(runbook.meta.id) ||
    runbook.placeholders.includes('restore.order')
  );
}

/** Fills placeholders in text; records fill-ins and the notes a step must carry. */
class Substituter {
  private readonly values: ReadonlyMap<string, PlaceholderValue>;
  private readonly fillIns: FillIn[];

  constructor(values: ReadonlyMap<string, PlaceholderValue>, fillIns: FillIn[]) {
    this.values = values;
    this.fillIns = fillIns;
  }

  /** In a command (`code`), a list is space-separated, as a shell word list. */
  text(text: string, notes: Set<string>, found: FillIn[] = [], code = false): string {
    return text
      .split('\n')
      .map((line) => {
        const alone = code ? null : /^(\s*)\{\{\s*([^{}]*?)\s*\}\}\s*$/.exec(line);
        const value = alone ? this.values.get(alone[2] ?? '') : undefined;
        if (alone && value && 'list' in value)
          return value.list.length === 0
            ? `${alone[1]}(none)`
            : value.list.map((v) => `${alone[1]}- ${v}`).join('\n');
        return line.replace(PLACEHOLDER, (_, name: string) => this.one(name, notes, found, code));
      })
      .join('\n');
  }

  command(c: RunbookCommand, notes: Set<string>): BoundCommand {
    const found: FillIn[] = [];
    const text = this.text(c.text, notes, found, true);
    return { lang: c.lang, text, fillIns: unique(found) };
  }

  private one(name: string, notes: Set<string>, found: FillIn[], code: boolean): string {
    const prompt = fillPrompt(name);
    // A name the parser let through but nothing binds is a fill-in too, never left as {{…}}.
    const value: PlaceholderValue = (prompt !== null ? { fill: prompt } : this.values.get(name)) ?? {
      fill: name,
    };
    if ('text' in value) return value.text;
    if ('list' in value)
      return code ? value.list.join(' ') : value.list.length === 0 ? '(none)' : value.list.join(', ');
    const fill: FillIn = { name: prompt !== null ? prompt : name, prompt: value.fill };
    this.fillIns.push(fill);
    found.push(fill);
    if (value.note) notes.add(value.note);
    return `⟨fill in: ${value.fill}⟩`;
  }
}

function unique(fillIns: FillIn[]): FillIn[] {
  const seen = new Map<string, FillIn>();
  for (const f of fillIns) seen.set(`${f.name}\0${f.prompt}`, f);
  return [...seen.values()];
}
