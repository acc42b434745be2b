import type { RunbookEntry } from '../inventory/model.ts';
import type { Json } from '../model.ts';
import type { RunbookFrontMatter } from '../schemas/page.ts';
import { toJson, withFrontMatter } from './front-matter.ts';
import { renderRunbookMarkdown } from './runbook-markdown.ts';

/**
 * content/runbooks/<id>.<target-slug>.md: front matter `type: runbook`, `id`, `title`, `tier`,
 * `target` (graph id) and `runbook` (the BoundRunbook), body the runbook as Markdown.
 */
export function renderRunbookPage(entry: RunbookEntry): string {
  const { bound } = entry;
  const data: RunbookFrontMatter = {
    type: 'runbook',
    id: entry.id,
    title: bound.target ? `${bound.title}: ${bound.target}` : bound.title,
    tier: bound.tier,
    target: entry.targetId,
    runbook: bound,
  };
  return withFrontMatter(toJson(data) as Record<string, Json>, renderRunbookMarkdown(bound));
}
