import type { SourceResult, Unreadable } from '../model.ts';
import { kindName, unreadableWhy } from './nothing-read.ts';

/**
 * Something a read did not see that an answer may depend on: a kind the cluster would not list
 * (403, an error) or an offline input skipped with `--partial`. Inputs that hold only kinds
 * tierbook does not use are not here: nothing tierbook answers depends on them.
 */
export type Unread =
  | { kind: string; reason: Unreadable['reason']; detail: string }
  | { input: string; kinds: string[]; reason: string };

/** Every unread kind and skipped input of `read`, in the source's order (kinds first). */
export function unreadOf(read: SourceResult): Unread[] {
  const kinds: Unread[] = read.unreadable.map((u) => ({
    kind: kindName(u),
    reason: u.reason,
    detail: u.detail,
  }));
  const inputs: Unread[] = (read.notRead ?? [])
    .filter((n) => n.needed)
    .map((n) => ({ input: n.where, kinds: n.kinds, reason: n.reason }));
  return [...kinds, ...inputs];
}

/**
 * One sentence per unread thing, saying what is missing from the answer built on the read:
 * `kind core/Pod could not be read (403 Forbidden): what it holds is not in this answer`.
 * `missing` ends the sentence (`what it holds is not in this answer`).
 */
export function describeUnread(u: Unread, missing: string): string {
  if ('kind' in u) return `kind ${u.kind} could not be read (${unreadableWhy(u)}): ${missing}`;
  const names = u.kinds.length > 0 ? `names ${u.kinds.join(', ')}` : 'names no kind';
  return `input not read (--partial): ${u.input} (${names}); ${missing}`;
}
