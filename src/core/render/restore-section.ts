import type { RootContent } from 'mdast';
import { formatAge } from '../analysis/checks/age.ts';
import { describeRestore } from '../analysis/checks/restore-facts.ts';
import type { RestoreEntry } from '../inventory/restore-entries.ts';
import { heading, list, paragraph, strong } from './markdown.ts';

/**
 * "Last proven restore": when, how long against the tier's RTO, from which backup; then every
 * restore of its data (newest first), a drill with its steps and how long each took.
 */
export function restoreSection(entry: RestoreEntry): RootContent[] {
  const out: RootContent[] = [heading(2, 'Last proven restore')];
  const last = entry.lastProven;
  if (!last) {
    out.push(
      paragraph(
        strong('Never'),
        ': no restore of its data has been proven (restore evidence: docs/drills.md).',
      ),
    );
  } else {
    const took =
      last.durationSeconds === null
        ? 'its duration was not measured'
        : `took ${formatAge(last.durationSeconds)} against an RTO of ${last.rto}${last.withinRto === false ? ' (over the RTO)' : last.withinRto ? ' (within)' : ''}`;
    out.push(
      paragraph(
        strong(last.at ?? 'time not known'),
        last.ageSeconds !== null ? ` (${formatAge(last.ageSeconds)} ago)` : '',
        `: ${took}`,
        last.backup ? `, from ${last.backup}` : '',
        `. Measured: ${last.measured}.`,
      ),
    );
  }
  if (entry.evidence.length === 0) return out;
  out.push(
    list(
      entry.evidence.map((e) => [
        strong(e.result),
        ` ${describeRestore(e)}`,
        e.detail ? `: ${e.detail}` : '',
        ...(e.steps ?? []).map(
          (s) =>
            `; step ${s.id} ${s.checkedAt} (${s.initials}${s.seconds !== null ? `, +${formatAge(s.seconds)}` : ''})${s.observed ? `: ${s.observed}` : ''}`,
        ),
      ]),
    ),
  );
  return out;
}
