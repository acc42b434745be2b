import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { runInNewContext } from 'node:vm';
import fc from 'fast-check';

/** public/runbook-record.js, run as the browser runs it (a classic script), in a context of its own. */
interface Mark {
  at: string;
  by: string;
}
interface StepRecord {
  done: Mark | null;
  verified: Mark | null;
  observed: string;
  checks: Record<number, Mark>;
}
interface RecordApi {
  incidentAt(date: Date): string;
  readRecord(
    text: string | null,
    incident: string,
    steps: Step[],
    hash: string,
  ): {
    incident: string;
    hash: string;
    steps: Record<string, StepRecord>;
    timeline: Record<string, unknown>[];
  };
  firstIncomplete(steps: Step[], record: ReturnType<RecordApi['readRecord']>): number;
  timeline(page: object, record: ReturnType<RecordApi['readRecord']>, steps: Step[], at: string): Timeline;
  timelineMarkdown(t: Timeline): string;
}
interface Step {
  id: string;
  number: number;
  title: string;
  pause: boolean;
  verify: boolean;
  checks: number;
  expected?: string | null;
}
type Timeline = { steps: { observed: string | null; done: Mark | null }[]; timeline: unknown[] };

const code = readFileSync(join(import.meta.dirname, '..', '..', 'public', 'runbook-record.js'), 'utf8');
const sandbox: { tierbookRunbookRecord?: RecordApi } = {};
runInNewContext(code, sandbox);
const R = sandbox.tierbookRunbookRecord as RecordApi;

const STEPS: Step[] = [
  { id: 'sign-in', number: 1, title: 'Before you start', pause: true, verify: false, checks: 2 },
  { id: 'out', number: 2, title: 'Mark the OSD out', pause: false, verify: true, checks: 0, expected: '0' },
  { id: 'purge', number: 3, title: 'Purge', pause: false, verify: true, checks: 0, expected: 'nothing' },
];
const PAGE = { id: 'osd-remove', title: 'Remove', version: '1', hash: 'abc', target: 'osd/3', cluster: 'c' };
const m = (by: string) => ({ at: '2026-11-24T06:00:00Z', by });

test('the incident id is made from the UTC time, as tierbook print makes it', () => {
  assert.equal(R.incidentAt(new Date('2026-12-31T23:59:00-02:00')), 'INC-20270101-0159');
});

test('steps block from the first one not complete: a pause point needs every box, a work step its verify', () => {
  const stored = (steps: object) => JSON.stringify({ steps });
  const first = (steps: object) => R.firstIncomplete(STEPS, R.readRecord(stored(steps), 'I', STEPS, 'abc'));
  assert.equal(first({}), 0);
  assert.equal(first({ 'sign-in': { checks: { 0: m('AB') } } }), 0);
  assert.equal(first({ 'sign-in': { checks: { 0: m('AB'), 1: m('AB') } } }), 1);
  const signedIn = { 'sign-in': { checks: { 0: m('AB'), 1: m('AB') } } };
  assert.equal(first({ ...signedIn, out: { done: m('AB') } }), 1, 'done but not verified');
  assert.equal(first({ ...signedIn, out: { done: m('AB'), verified: m('CD') } }), 2);
  assert.equal(
    first({ ...signedIn, out: { verified: m('CD') }, purge: { done: m('AB'), verified: m('CD') } }),
    -1,
  );
});

test('any stored text reads as a record of strings and marks, never throwing (property)', () => {
  const anyJson = fc.oneof(
    fc.json(),
    fc.string(),
    fc.jsonValue().map((v) => JSON.stringify({ steps: { out: v }, timeline: [v] })),
  );
  fc.assert(
    fc.property(anyJson, (text) => {
      const record = R.readRecord(text, 'I', STEPS, 'abc');
      assert.equal(typeof record.hash, 'string');
      for (const s of Object.values(record.steps)) {
        assert.equal(typeof s.observed, 'string');
        for (const mk of [s.done, s.verified, ...Object.values(s.checks)]) {
          if (mk !== null) assert.deepEqual(Object.keys(mk), ['at', 'by']);
        }
      }
      for (const e of record.timeline) {
        for (const key of ['at', 'step', 'title', 'event', 'by', 'detail'])
          assert.equal(typeof e[key], 'string');
      }
    }),
    { numRuns: 300 },
  );
});

test('the Markdown timeline keeps one table row per entry whatever was typed (property)', () => {
  fc.assert(
    fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), (typed) => {
      const stored = {
        steps: { out: { done: m(typed[0] as string), observed: typed.join('\n') } },
        timeline: typed.map((t) => ({
          at: 'x',
          step: 'out',
          number: 2,
          title: t,
          event: 'observed',
          by: t,
          detail: `${t}\r\n|`,
        })),
      };
      const record = R.readRecord(JSON.stringify(stored), 'INC-1', STEPS, 'abc');
      const t = R.timeline(PAGE, record, STEPS, '2026-11-24T07:00:00Z');
      assert.equal(t.steps[1]?.observed, typed.join('\n') || null);
      const rows = R.timelineMarkdown(t)
        .split('\n')
        .filter((l) => l.startsWith('| '));
      // Header rows (2) + one per entry + one per step.
      assert.equal(rows.length, 2 + typed.length + STEPS.length);
      for (const row of rows)
        assert.equal(row.replace(/\\\\/g, '').replace(/\\\|/g, '').split('|').length, 7, row);
    }),
    { numRuns: 200 },
  );
});
