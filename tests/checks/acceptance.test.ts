import assert from 'node:assert/strict';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { applyAcceptances } from '../../src/core/analysis/checks/acceptance.ts';
import { runChecks } from '../../src/core/analysis/checks/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import type { AcceptConfig, TierbookConfig } from '../../src/core/config/model.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import type { SourceItem } from '../../src/core/model.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { NOW, SAMPLE, scratch, tierbook } from '../reliability/support.ts';

const SCRATCH_POOL = 'ceph.rook.io/CephBlockPool/rook-ceph/scratch';

async function sample(annotate: Record<string, string> = {}): Promise<SourceItem[]> {
  const { items } = await readOffline([SAMPLE]);
  return items.map((i) =>
    i.object.kind === 'CephBlockPool' && i.object.metadata.name === 'scratch'
      ? {
          ...i,
          object: {
            ...i.object,
            metadata: {
              ...i.object.metadata,
              annotations: { ...i.object.metadata.annotations, ...annotate },
            },
          },
        }
      : i,
  );
}

function split(items: SourceItem[], accept: AcceptConfig[] = [], now = NOW) {
  const config: TierbookConfig = { ...structuredClone(DEFAULT_CONFIG), accept };
  const analysis = analyze(buildGraph(items), { config, now });
  return { all: runChecks(analysis), ...applyAcceptances(runChecks(analysis), analysis) };
}

test('an annotation with a reason accepts exactly the named rule on that object', async () => {
  const { all, open, accepted } = split(
    await sample({
      'tierbook.io/accept': 'pool-low-redundancy',
      'tierbook.io/accept-reason': 'scratch data only',
    }),
  );
  const mine = all.filter((f) => f.id === SCRATCH_POOL);
  assert.ok(mine.some((f) => f.rule === 'pool-low-redundancy'));
  assert.deepEqual(
    accepted.map((f) => [f.id, f.rule, f.accepted.reason, f.accepted.source]),
    [[SCRATCH_POOL, 'pool-low-redundancy', 'scratch data only', 'annotation']],
  );
  assert.equal(open.length, all.length - 1, 'nothing else is touched');
});

test('an acceptance without a reason accepts nothing', async () => {
  const { all, open, accepted } = split(await sample({ 'tierbook.io/accept': 'pool-low-redundancy' }));
  assert.equal(accepted.length, 0);
  assert.equal(open.length, all.length);
});

test('a config acceptance holds until its day, then the finding counts again and says so', async () => {
  const entry: AcceptConfig = {
    rule: 'pool-low-redundancy',
    object: 'rook-ceph/CephBlockPool/scratch',
    reason: 'scratch data only',
    who: 'alice',
    until: '2026-12-01',
  };
  const before = split(await sample(), [entry], '2026-11-24T06:00:00Z');
  assert.equal(before.accepted.length, 1);
  assert.equal(before.accepted[0]?.accepted.who, 'alice');
  const after = split(await sample(), [entry], '2026-12-01T00:00:01Z');
  assert.equal(after.accepted.length, 0);
  assert.deepEqual(
    after.expired.map((f) => [f.id, f.accepted.until]),
    [[SCRATCH_POOL, '2026-12-01']],
  );
  assert.ok(after.open.some((f) => f.id === SCRATCH_POOL && f.rule === 'pool-low-redundancy'));
});

test('check shows accepted findings apart (text, JSON, SARIF suppressions); a bad entry names its field', async () => {
  const dir = await scratch();
  try {
    const config = join(dir, 'tierbook.config.yaml');
    await writeFile(
      config,
      'accept:\n  - rule: pool-low-redundancy\n    object: rook-ceph/CephBlockPool/scratch\n    reason: scratch data only\n    who: alice\n    until: 2027-03-31\n',
    );
    const args = ['check', '--from', SAMPLE, '--now', NOW, '--config', config];
    const text = await tierbook(args);
    assert.match(
      text.stdout,
      /ACCEPTED \(1\): shown, not failing a gate\n\n {2}pool-low-redundancy high CephBlockPool rook-ceph\/scratch\n {4}accepted \(tierbook\.config\.yaml, alice, until 2027-03-31\): scratch data only/,
    );
    const json = JSON.parse((await tierbook([...args, '--json'])).stdout) as {
      findings: { rule: string; object: { name: string } }[];
      accepted: { rule: string; accepted: { reason: string } }[];
    };
    assert.ok(!json.findings.some((f) => f.rule === 'pool-low-redundancy' && f.object.name === 'scratch'));
    assert.equal(json.accepted[0]?.accepted.reason, 'scratch data only');
    const sarif = JSON.parse((await tierbook([...args, '-o', 'sarif'])).stdout) as {
      runs: { results: { ruleId: string; suppressions?: { kind: string; justification: string }[] }[] }[];
    };
    const suppressed = sarif.runs[0]?.results.filter((r) => r.suppressions) ?? [];
    assert.equal(suppressed.length, 1);
    assert.equal(suppressed[0]?.suppressions?.[0]?.kind, 'external');

    await writeFile(config, 'accept:\n  - rule: backup-missing\n    object: jellyfin\n    reason: r\n');
    const bad = await tierbook(args);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /accept\[0\]\.object/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
