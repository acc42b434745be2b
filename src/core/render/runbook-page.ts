import type { RunbookEntry } from '../inventory/model.ts';
import { toJson, withFrontMatter } from './front-matter.ts';
import { renderRunbookMarkdown } from './runbook-markdown.ts';

/**
 * content/runbooks/<id>.<target-slug>.md: front matter `type: runbook`, `id`, `title`, `tier`,
 * `target` (graph id) and `runbook` (the BoundRunbook), body the runbook as Markdown.
 */
export function renderRunbookPage(entry: RunbookEntry): string {
  const { bound } = entry;
  return withFrontMatter(
    {
      type: 'runbook',
      id: entry.id,
      title: bound.target ? `${bound.title}: ${bound.target}` : bound.title,
      tier: bound.tier,
      target: entry.targetId,
      runbook: toJson(bound),
    },
    renderRunbookMarkdown(bound),
  );
}
