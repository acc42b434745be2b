/**
 * Gates and restore order on the sample cluster (src/sample): osd-remove on osd/3 opens with
 * failed data-loss and backup gates that name what `tierbook blast osd/3` says loses data and
 * which backups sit inside the blast radius; the whole bound runbook is pinned.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { blastRadius, resolveTarget } from '../../src/core/analysis/blast/index.ts';
import { workloadTitle } from '../../src/core/analysis/tiers/facts.ts';
import { renderRunbookMarkdown } from '../../src/core/render/runbook-markdown.ts';
import { bindRunbook } from '../../src/core/runbooks/bind.ts';
import { parseRunbook } from '../../src/core/runbooks/parse.ts';
import { readRunbooks } from '../../src/io/read-runbooks.ts';
import { assertExpected } from '../support/expected.ts';
import { analysisOf, NOW, REPO, SAMPLE } from './support.ts';

const analysis = await analysisOf([SAMPLE]);
const { runbooks } = await readRunbooks();
const osdRemove = runbooks.find((r) => r.meta.id === 'osd-remove');
assert.ok(osdRemove);
const opts = { cluster: 'sample', takenAt: NOW, unread: [] };

test('osd-remove osd/3: data-loss and backup gates fail, naming what blast osd/3 says loses data', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/3', opts);
  assert.deepEqual(
    bound.gates.map((g) => [g.id, g.status]),
    [
      ['read', 'pass'],
      ['data-loss', 'fail'],
      ['backups', 'fail'],
      ['device-id', 'unknown'],
    ],
  );
  const blast = blastRadius(analysis, [resolveTarget(analysis, 'osd/3')], { outage: false });
  const losing = blast.impacts.filter((i) => i.impact === 'data-loss').map((i) => workloadTitle(i.id));
  assert.deepEqual(losing, [
    'StatefulSet auth/authentik-redis',
    'Cluster databases/pg-main',
    'PerconaXtraDBCluster databases/pxc-main',
  ]);
  const [, dataLoss, backups, deviceId] = bound.gates;
  for (const w of losing) {
    assert.ok(dataLoss?.message.includes(w), `data-loss gate names ${w}`);
    assert.ok(backups?.message.includes(w), `backup gate names ${w}`);
  }
  // The Velero and XtraBackup copies live on MinIO, whose volume is in the same pools.
  assert.match(
    backups?.message ?? '',
    /velero fs-backup \(velero\) kept on \S+:9000 \(bucket velero\).*inside the blast radius \(StatefulSet minio\/minio is hit too\)/,
  );
  assert.match(backups?.message ?? '', /xtrabackup \(percona-xtradb\).*inside the blast radius/);
  assert.match(
    backups?.message ?? '',
    /barmanObjectStore \(cloudnative-pg\) kept on s3:\/\/homelab-cnpg-backups\/pg-main.*outside the blast radius/,
  );
  assert.match(deviceId?.message ?? '', /recorded as \/dev\/sdc, not a \/dev\/disk\/by-id\/ path/);
});

test('osd-remove osd/3: the by-id path is a fill-in and each step using it says how to resolve it', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/3', opts);
  const zap = bound.steps.find((s) => s.id === 'zap');
  assert.ok(zap?.action);
  assert.match(zap.action.text, /DISK=⟨fill in: \/dev\/disk\/by-id\/… path of osd\.3's disk on k8s-2⟩/);
  assert.doesNotMatch(zap.action.text, /\/dev\/sd/);
  assert.match(
    zap.text,
    /^Resolve the by-id path first: .*`ls -l \/dev\/disk\/by-id\/ \| grep -w sdc` and `ceph device ls-by-daemon osd\.3`/,
  );
  assert.deepEqual(zap.action.fillIns, [
    { name: 'osd.device.byId', prompt: "/dev/disk/by-id/… path of osd.3's disk on k8s-2" },
  ]);
  assert.equal(zap.pointOfNoReturn?.startsWith('the partition table'), true);
});

test('osd-remove osd/0 (recorded by its by-id path): the path is printed and the device gate passes', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/0', opts);
  const zap = bound.steps.find((s) => s.id === 'zap');
  assert.match(
    zap?.action?.text ?? '',
    /^DISK=\/dev\/disk\/by-id\/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R812345K$/m,
  );
  assert.equal(zap?.text, '');
  assert.equal(bound.gates.find((g) => g.id === 'device-id')?.status, 'pass');
});

test('the bound osd-remove osd/3 is pinned (Markdown)', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/3', opts);
  assertExpected(
    join(import.meta.dirname, 'osd-remove.osd-3.expected.md'),
    renderRunbookMarkdown(bound, { incident: 'INC-1', printedAt: NOW }),
  );
});

test('a partial read or an unknown completeness is never a passed read gate', () => {
  const partial = bindRunbook(osdRemove, analysis, 'osd/0', {
    ...opts,
    unread: ['ceph.rook.io/CephBlockPool: forbidden'],
  });
  assert.equal(partial.gates[0]?.status, 'unknown');
  assert.match(partial.gates[0]?.message ?? '', /partial: ceph\.rook\.io\/CephBlockPool: forbidden/);
  const unsaid = bindRunbook(osdRemove, analysis, 'osd/0', { cluster: 'sample', takenAt: NOW });
  assert.equal(unsaid.gates[0]?.status, 'unknown');
});

test('the hash changes with the target and with the runbook text', () => {
  const a = bindRunbook(osdRemove, analysis, 'osd/3', opts).hash;
  assert.equal(bindRunbook(osdRemove, analysis, 'osd/3', opts).hash, a);
  assert.notEqual(bindRunbook(osdRemove, analysis, 'osd/2', opts).hash, a);
  const text = readFileSync(join(REPO, osdRemove.file), 'utf8');
  const { runbook: edited } = parseRunbook(osdRemove.file, text.replace('sleep 60', 'sleep 30'));
  assert.ok(edited);
  assert.notEqual(bindRunbook(edited, analysis, 'osd/3', opts).hash, a);
});

/** A restore runbook written for this test: appliesTo a backup system, prints the restore order. */
const RESTORE = `---
id: pg-restore-test
title: Restore a CloudNativePG cluster
appliesTo: [backup/cloudnative-pg]
tier: 1
rto: 1h
version: 1
sources: {}
---

## Sign in {#sign-in}

Pause: sign-in

- [ ] Restoring {{workload.namespace}}/{{workload.name}} from {{backup.destination}}, last success {{backup.lastSuccess}}

## Restore {#restore}

Action:

\`\`\`sh
kubectl cnpg status {{workload.name}} -n {{workload.namespace}}
\`\`\`

Verify: the apps behind it

Expect: {{fill: what the status says}}

{{restore.order}}

## Sign out {#sign-out}

Pause: sign-out

- [ ] Apps checked: {{apps.behind}}
`;

test('a restore runbook: backup gate, restore order (dependencies first), backup facts filled in', () => {
  const { runbook, problems } = parseRunbook('runbooks/pg-restore-test.md', RESTORE);
  assert.deepEqual(problems, []);
  assert.ok(runbook);
  const bound = bindRunbook(runbook, analysis, 'workload/databases/Cluster/pg-main', opts);
  assert.deepEqual(
    bound.gates.map((g) => [g.id, g.status]),
    [
      ['read', 'pass'],
      ['backup', 'pass'],
    ],
  );
  assert.match(
    bound.gates[1]?.message ?? '',
    /barmanObjectStore databases\/pg-main \(cloudnative-pg\) kept on s3:\/\/homelab-cnpg-backups\/pg-main: ok, last success 2026-11-24T05:57:31Z/,
  );
  assert.equal(
    bound.steps[0]?.checks[0],
    'Restoring databases/pg-main from s3://homelab-cnpg-backups/pg-main, last success 2026-11-24T05:57:31Z',
  );
  const order = bound.order.map((o) => o.workload);
  assert.equal(order[0], 'Cluster databases/pg-main');
  assert.ok(order.includes('Deployment apps/paperless'), 'paperless needs pg-main: after it');
  assert.match(
    bound.order.find((o) => o.workload === 'Deployment apps/paperless')?.why ?? '',
    /after Cluster databases\/pg-main/,
  );
  assert.deepEqual(bound.fillIns, [{ name: 'what the status says', prompt: 'what the status says' }]);
  assert.throws(
    () => bindRunbook(runbook, analysis, 'workload/databases/PerconaXtraDBCluster/pxc-main', opts),
    /runbook pg-restore-test does not apply to workload\/databases\/PerconaXtraDBCluster\/pxc-main: it applies to backup\/cloudnative-pg/,
  );
});
