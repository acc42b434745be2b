// The check-off record of a runbook page, with no page in it: reading a stored record, which
// steps are complete, and the timeline export. Loaded before runbook.js (which draws it) and
// tested on its own (tests/runbooks-print/record.test.ts). Everything read from storage is
// checked field by field: a value of the wrong type is dropped, never trusted.
(() => {
  const two = (n) => String(n).padStart(2, '0');
  const str = (v) => (typeof v === 'string' ? v : '');
  const mark = (v) => (v && typeof v === 'object' ? { at: str(v.at), by: str(v.by) } : null);
  const blankStep = () => ({ done: null, verified: null, observed: '', checks: {} });

  /** INC-YYYYMMDD-HHMM in UTC, as `tierbook print` makes it from --now. */
  function incidentAt(date) {
    return `INC-${date.getUTCFullYear()}${two(date.getUTCMonth() + 1)}${two(date.getUTCDate())}-${two(date.getUTCHours())}${two(date.getUTCMinutes())}`;
  }

  /**
   * The record stored as `text` (null: none yet) for these steps ({id, checks: count}); a
   * record with no hash of its own is taken as made with `hash`.
   */
  function readRecord(text, incident, steps, hash) {
    let raw = null;
    try {
      raw = JSON.parse(text || 'null');
    } catch {}
    const record = { incident, hash, steps: {}, timeline: [] };
    if (!raw || typeof raw !== 'object') return record;
    record.hash = str(raw.hash) || hash;
    const stored = raw.steps && typeof raw.steps === 'object' ? raw.steps : {};
    for (const step of steps) {
      const s = Object.hasOwn(stored, step.id) ? stored[step.id] : null;
      if (!s || typeof s !== 'object') continue;
      const checks = {};
      for (let i = 0; i < step.checks; i++) {
        const c = mark(s.checks?.[i]);
        if (c) checks[i] = c;
      }
      record.steps[step.id] = {
        done: mark(s.done),
        verified: mark(s.verified),
        observed: str(s.observed),
        checks,
      };
    }
    if (Array.isArray(raw.timeline)) {
      record.timeline = raw.timeline
        .filter((e) => e && typeof e === 'object')
        .map((e) => ({
          at: str(e.at),
          step: str(e.step),
          number: Number(e.number) || 0,
          title: str(e.title),
          event: str(e.event),
          by: str(e.by),
          detail: str(e.detail),
        }));
    }
    return record;
  }

  /** A pause point with every box ticked; a work step verified (done, when it has no verify). */
  function isComplete(step, record) {
    const s = record.steps[step.id];
    if (!s) return false;
    if (step.pause) return Array.from({ length: step.checks }, (_, i) => s.checks[i]).every(Boolean);
    return step.verify ? s.verified !== null : s.done !== null;
  }

  /** The index of the first step not complete (every later one is blocked), or -1. */
  function firstIncomplete(steps, record) {
    return steps.findIndex((step) => !isComplete(step, record));
  }

  /** The export for the post-incident review (the JSON one; the Markdown is made from it). */
  function timeline(page, record, steps, exportedAt) {
    return {
      format: 'tierbook-runbook-timeline/1',
      incident: record.incident,
      runbook: {
        id: page.id,
        title: page.title,
        version: page.version,
        hash: page.hash,
        recordHash: record.hash,
      },
      target: page.target || null,
      cluster: page.cluster,
      exportedAt,
      steps: steps.map((step) => {
        const s = record.steps[step.id] || blankStep();
        return {
          number: step.number,
          id: step.id,
          title: step.title,
          complete: isComplete(step, record),
          done: s.done,
          verified: s.verified,
          expected: step.expected ?? null,
          observed: s.observed || null,
        };
      }),
      timeline: record.timeline,
    };
  }

  /** Table cell text: a pipe escaped, line breaks as " / ", so no value breaks the table. */
  const cell = (v) =>
    String(v ?? '')
      .replace(/\\/g, '\\\\')
      .replace(/\|/g, '\\|')
      .replace(/\r?\n|\r/g, ' / ');

  function timelineMarkdown(t) {
    const at = (m) => (m ? cell(`${m.at} ${m.by}`) : '');
    return [
      `# Timeline ${cell(t.incident)}: ${cell(t.runbook.title)}`,
      '',
      `- Runbook: ${cell(t.runbook.id)} version ${cell(t.runbook.version)}, hash ${cell(t.runbook.hash)}`,
      `- Target: ${cell(t.target ?? 'the whole cluster')}; cluster: ${cell(t.cluster)}`,
      `- Exported: ${cell(t.exportedAt)}`,
      '',
      '| UTC time | Step | Event | By | Detail |',
      '|---|---|---|---|---|',
      ...t.timeline.map(
        (e) =>
          `| ${cell(e.at)} | ${e.number} ${cell(e.title)} | ${cell(e.event)} | ${cell(e.by)} | ${cell(e.detail)} |`,
      ),
      '',
      '## Steps',
      '',
      '| Step | Done (UTC, by) | Verified (UTC, by) | Expected | Observed |',
      '|---|---|---|---|---|',
      ...t.steps.map(
        (s) =>
          `| ${s.number} ${cell(s.title)} | ${at(s.done)} | ${at(s.verified)} | ${cell(s.expected)} | ${cell(s.observed)} |`,
      ),
      '',
    ].join('\n');
  }

  globalThis.tierbookRunbookRecord = {
    incidentAt,
    readRecord,
    isComplete,
    firstIncomplete,
    timeline,
    timelineMarkdown,
    blankStep,
  };
})();
