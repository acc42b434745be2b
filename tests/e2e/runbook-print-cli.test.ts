import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertEveryPage, pageOf } from '../support/pdf-text.ts';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const SAMPLE = join(import.meta.dirname, '..', '..', 'src', 'sample');
const CONTENT = join(import.meta.dirname, '..', '..', 'content');

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The built-in osd-remove runbook for the sample's osd/3, to `out`. */
function printOsd3(out: string, ...args: string[]) {
  return tierbook('print', 'osd-remove', 'osd/3', '--from', SAMPLE, '--out', out, ...args);
}

/** `tierbook print` on the built-in sample cluster and the built-in osd-remove runbook. */
describe('tierbook print', () => {
  let dir: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tierbook-print-'));
  });
  after(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  test('binds osd-remove to osd/3 and writes a checklist PDF with the incident on every page', () => {
    const out = join(dir, 'osd-3.pdf');
    const run = printOsd3(out, '--incident', 'CHG-4711', '--now', '2026-11-24T06:00:00Z');
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /wrote .*osd-3\.pdf \(osd-remove osd\/3, incident CHG-4711, hash [0-9a-f]{12}\)/,
    );
    const hash = /hash ([0-9a-f]{12})/.exec(run.stderr)?.[1] as string;
    const pages = assertEveryPage(out, [
      'CHG-4711',
      'osd-remove',
      'osd/3',
      `hash ${hash}`,
      'sample',
      'inventory 2026-11-24T06:00:00Z',
    ]);
    assert.ok(pages.length >= 5, `${pages.length} pages`);
    assert.equal(pageOf(pages, 'Gates: read before step 1'), 0);
    assert.equal(pages.join('').match(/POINT OF NO RETURN/g)?.length, 2);
    for (const page of pages.filter((p) => p.includes('POINT OF NO RETURN'))) {
      assert.match(
        page,
        /POINT OF NO RETURN[\s\S]*Time-out[\s\S]*Done by: name, signature, UTC time\s+Checked by/,
      );
    }
  });

  test('the incident id defaults to one made from --now', () => {
    const out = join(dir, 'default-incident.pdf');
    const run = printOsd3(out, '--now', '2026-11-24T06:05:00Z');
    assert.equal(run.code, 0, run.stderr);
    assertEveryPage(out, ['INC-20261124-0605']);
  });

  test('--content binds against the committed inventory and prints its time', () => {
    const out = join(dir, 'from-content.pdf');
    const run = tierbook(
      'print',
      'osd-remove',
      'osd/3',
      '--content',
      CONTENT,
      '--out',
      out,
      '--now',
      '2026-12-01T00:00:00Z',
    );
    assert.equal(run.code, 0, run.stderr);
    assert.match(
      run.stderr,
      /answered from the inventory in .*content \(taken 2026-11-24T06:00:00Z\), not from the cluster/,
    );
    assertEveryPage(out, ['INC-20261201-0000', 'sample-homelab', 'inventory 2026-11-24T06:00:00Z']);
    const mixed = tierbook(
      'print',
      'osd-remove',
      'osd/3',
      '--content',
      CONTENT,
      '--from',
      SAMPLE,
      '--out',
      out,
    );
    assert.equal(mixed.code, 2);
    assert.match(mixed.stderr, /--content reads a committed inventory; it does not mix with --from/);
  });

  test('refuses to overwrite a file that is not a PDF, and bad usage, with exit 2', async () => {
    const notes = join(dir, 'notes.pdf');
    await writeFile(notes, 'not a pdf');
    const refused = tierbook('print', 'osd-remove', 'osd/3', '--from', SAMPLE, '--out', notes);
    assert.equal(refused.code, 2);
    assert.match(refused.stderr, /notes\.pdf exists and is not a PDF: not overwriting it/);
    assert.equal(await readFile(notes, 'utf8'), 'not a pdf');
    assert.doesNotMatch(refused.stderr, /\n\s+at /);
    for (const [args, message] of [
      [['osd-remove', 'osd/3', '--from', SAMPLE], /print needs --out FILE\.pdf/],
      [['osd-remove', 'osd/3', '--from', SAMPLE, '--out', join(dir, 'x.txt')], /ends in \.pdf/],
      [
        ['osd-remove', 'osd/3', '--from', SAMPLE, '--out', join(dir, 'y.pdf'), '--incident', '<b>'],
        /--incident expects/,
      ],
      [
        ['osd-remov', 'osd/3', '--from', SAMPLE, '--out', join(dir, 'z.pdf')],
        /no runbook "osd-remov"; did you mean osd-remove/,
      ],
    ] as const) {
      const run = tierbook('print', ...args);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
    }
  });
});
