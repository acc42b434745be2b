import { isMapping } from '../config/schema.ts';

/** The runbook page's JSON export (public/runbook-record.js on the site: `timeline()`). */
export const BROWSER_EXPORT_FORMAT = 'tierbook-runbook-timeline/1';

/** Timeline events that check a step off (unticks and typed notes do not). */
const CHECK_EVENTS = new Set(['checked', 'done', 'verified', 'point of no return passed']);

/**
 * The browser's timeline export → the drill shape of docs/drills.md, for `parseDrill` to check:
 * runbook = runbook.id; each step complete in the export becomes a step checked at its verify
 * (else done, else its last check-off in the timeline) time, by those initials; the drill runs
 * from the first event of the timeline to the last check-off. Steps keep the runbook's order.
 * A drill with a step left incomplete ended `partial`. Fields of the wrong type are passed on as found, so parseDrill
 * names them.
 */
export function fromBrowserExport(raw: Record<string, unknown>): Record<string, unknown> {
  const runbook = isMapping(raw.runbook) ? raw.runbook.id : raw.runbook;
  const events = (Array.isArray(raw.timeline) ? raw.timeline : []).filter(isMapping);
  const steps = (Array.isArray(raw.steps) ? raw.steps : []).filter(isMapping);
  const checkOffs = (id: unknown) =>
    events.filter((e) => e.step === id && typeof e.event === 'string' && CHECK_EVENTS.has(e.event));
  const checked = steps
    .filter((s) => s.complete === true)
    .map((s) => {
      const mark = [s.verified, s.done].find(isMapping) ?? checkOffs(s.id).at(-1);
      const at = mark && typeof mark.at === 'string' ? mark.at : undefined;
      const by = mark && typeof mark.by === 'string' ? mark.by : undefined;
      return {
        id: s.id,
        checkedAt: at,
        initials: by,
        observed: typeof s.observed === 'string' ? s.observed : '',
      };
    });
  const times = [...events.map((e) => e.at), ...checked.map((s) => s.checkedAt)].filter(
    (t): t is string => typeof t === 'string' && !Number.isNaN(Date.parse(t)),
  );
  const ordered = [...times].sort((a, b) => Date.parse(a) - Date.parse(b));
  const incomplete = steps.length - checked.length;
  return {
    runbook,
    target: raw.target,
    incident: raw.incident,
    cluster: raw.cluster,
    startedAt: ordered[0],
    finishedAt: [...checked.map((s) => s.checkedAt)]
      .filter((t): t is string => typeof t === 'string')
      .sort((a, b) => Date.parse(a) - Date.parse(b))
      .at(-1),
    steps: checked,
    result: incomplete > 0 ? 'partial' : 'succeeded',
  };
}
