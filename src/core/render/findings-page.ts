import type { RootContent } from 'mdast';
import type { AcceptedFinding } from '../analysis/checks/acceptance.ts';
import { type Finding, SEVERITY_ORDER } from '../analysis/checks/model.ts';
import type { Inventory } from '../inventory/model.ts';
import type { Json } from '../model.ts';
import type { FindingsFrontMatter } from '../schemas/page.ts';
import { frontMatterPieces, type PageText, toJson } from './front-matter.ts';
import { code, heading, list, paragraph, toMarkdown } from './markdown.ts';

export const FINDINGS_FILE = 'findings.md';

/** " Accepted (who, until …): reason." for a finding accepted on purpose; nothing otherwise. */
function acceptedNote(f: Finding | AcceptedFinding): string {
  if (!('accepted' in f)) return '';
  const { who, until, reason } = f.accepted;
  const by = [who, until ? `until ${until}` : null].filter(Boolean).join(', ');
  return ` Accepted${by ? ` (${by})` : ''}: ${reason}`;
}

/** Every risk finding, most severe first, each with the object, field and fix. */
export function renderFindingsPage(inventory: Inventory): PageText {
  const data: FindingsFrontMatter = {
    type: 'findings',
    title: `Findings in ${inventory.cluster}`,
    findings: inventory.findings,
  };
  const body: RootContent[] = [heading(1, `Findings in ${inventory.cluster}`)];
  if (inventory.findings.length === 0) body.push(paragraph('No risk found.'));
  for (const severity of SEVERITY_ORDER) {
    const mine = inventory.findings.filter((f) => f.severity === severity);
    if (mine.length === 0) continue;
    body.push(
      heading(2, `${severity} (${mine.length})`),
      list(
        mine.map((f) => [
          code(f.rule),
          ` ${f.object.kind} ${f.object.namespace ? `${f.object.namespace}/` : ''}${f.object.name}, ${f.field}: ${f.message} Fix: ${f.fix}${acceptedNote(f)}`,
        ]),
      ),
    );
  }
  return frontMatterPieces(toJson(data) as Record<string, Json>, toMarkdown(body));
}
