import type { Impact } from '../analysis/blast/model.ts';

/**
 * The verdict a blast radius opens with, in the CLI and on every failure-domain page: what
 * loses data and what goes dark (by name and tier), whether their backups survive, and the
 * runbook to follow. Built from the impacts only, so `blast` (a BlastResult) and the site (the
 * impacts written into content/) say the same thing.
 */
export interface VerdictInput {
  /** Graph id, for a link; '' when there is none. */
  id: string;
  /** "StatefulSet auth/authentik-redis". */
  name: string;
  tier: number | null;
  impact: Impact;
  /** Whether each backup survives the loss; null when the inventory says nothing of backups. */
  backups: readonly { survives: boolean }[] | null;
}

/** survives: some backup outlives the loss; lost: every backup goes with it; none: no backup. */
export type BackupVerdict = 'survives' | 'lost' | 'none' | 'unknown';

export interface VerdictWorkload {
  id: string;
  name: string;
  tier: number | null;
  backup: BackupVerdict;
}

export interface BlastVerdict {
  target: string;
  lose: VerdictWorkload[];
  dark: VerdictWorkload[];
  degraded: VerdictWorkload[];
  /** The runbook for this kind of target, when there is one target with a runbook. */
  runbook: { id: string; command: string } | null;
}

/**
 * The built-in runbook to follow when a target of this type is lost (runbooks/<id>.md; the
 * ids are fixed in docs/runbooks.md). A target type without a row has no runbook to name.
 */
const RUNBOOK_FOR_TARGET: Readonly<Record<string, string>> = {
  osd: 'osd-remove',
  device: 'osd-replace',
  node: 'node-drain',
  pool: 'pool-rebuild',
};

export function blastVerdict(target: string, impacts: readonly VerdictInput[]): BlastVerdict {
  const of = (impact: Impact) =>
    impacts
      .filter((i) => i.impact === impact)
      .map((i) => ({ id: i.id, name: i.name, tier: i.tier, backup: backupVerdict(i.backups) }));
  const single = /^[a-z]+\/\S+$/.test(target);
  const id = single ? RUNBOOK_FOR_TARGET[target.slice(0, target.indexOf('/'))] : undefined;
  return {
    target,
    lose: of('data-loss'),
    dark: of('unavailable'),
    degraded: of('degraded'),
    runbook: id ? { id, command: `tierbook runbook ${id} ${target}` } : null,
  };
}

function backupVerdict(backups: VerdictInput['backups']): BackupVerdict {
  if (backups === null) return 'unknown';
  if (backups.length === 0) return 'none';
  return backups.some((b) => b.survives) ? 'survives' : 'lost';
}

/** How many names a text verdict lists per impact before "and N more". */
const NAMED = 6;

/**
 * The verdict as sentences: "3 lose data: tier 0 StatefulSet auth/redis (backup survives), …
 * 5 go dark: … 4 degrade. Runbook: tierbook runbook osd-remove osd/3".
 */
export function verdictSentences(verdict: BlastVerdict): string[] {
  const { lose, dark, degraded } = verdict;
  if (lose.length + dark.length + degraded.length === 0) return ['Verdict: no workload is affected.'];
  const named = (list: VerdictWorkload[], withBackup: boolean) => {
    const shown = list.slice(0, NAMED).map((w) => {
      const tier = w.tier === null ? 'tier ?' : `tier ${w.tier}`;
      return `${tier} ${w.name}${withBackup ? ` (${BACKUP_WORDS[w.backup]})` : ''}`;
    });
    if (list.length > NAMED) shown.push(`and ${list.length - NAMED} more`);
    return shown.join(', ');
  };
  const out: string[] = [];
  out.push(
    lose.length === 0
      ? 'Verdict: nothing loses data.'
      : `Verdict: ${lose.length} ${lose.length === 1 ? 'loses' : 'lose'} data: ${named(lose, true)}.`,
  );
  if (dark.length > 0)
    out.push(`${dark.length} ${dark.length === 1 ? 'goes' : 'go'} dark: ${named(dark, false)}.`);
  if (degraded.length > 0) out.push(`${degraded.length} ${degraded.length === 1 ? 'degrades' : 'degrade'}.`);
  if (verdict.runbook) out.push(`Runbook: ${verdict.runbook.command}`);
  return out;
}

export const BACKUP_WORDS: Readonly<Record<BackupVerdict, string>> = {
  survives: 'backup survives',
  lost: 'NO backup survives',
  none: 'NO backup',
  unknown: 'backups not known',
};
