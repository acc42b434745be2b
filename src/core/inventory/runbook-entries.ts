import type { Analysis } from '../analysis/model.ts';
import { runbookFile } from '../file-names.ts';
import { applicableRunbooks } from '../runbooks/applies.ts';
import { type BindOptions, bindRunbook } from '../runbooks/bind.ts';
import type { Runbook } from '../runbooks/model.ts';
import type { RunbookEntry, RunbookRef } from './model.ts';

/** Every runbook bound to every target it applies to, each with its page. */
export function runbookEntries(
  runbooks: readonly Runbook[],
  analysis: Analysis,
  opts: BindOptions,
): RunbookEntry[] {
  return applicableRunbooks(runbooks, analysis).map((a) => {
    const bound = bindRunbook(a.runbook, analysis, a.target, opts);
    return {
      path: runbookFile(a.runbook.meta.id, a.target),
      id: `runbook/${a.runbook.meta.id}/${a.target ?? 'cluster'}`,
      targetId: a.node,
      bound,
    };
  });
}

/** Graph node id → the runbooks bound to it, as listed on its page. */
export function runbookRefs(entries: readonly RunbookEntry[]): Map<string, RunbookRef[]> {
  const refs = new Map<string, RunbookRef[]>();
  for (const e of entries) {
    if (!e.targetId) continue;
    const ref: RunbookRef = { id: e.id, title: e.bound.title, url: `${e.path.replace(/\.md$/, '')}/` };
    refs.set(e.targetId, [...(refs.get(e.targetId) ?? []), ref]);
  }
  return refs;
}
