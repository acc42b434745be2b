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
import { restoreOrder, workloadRestoreSet } from '../../src/core/runbooks/order.ts';
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

test('osd-remove osd/1 (an LVM volume): the note says how to find the disk under the volume first', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/1', opts);
  const zap = bound.steps.find((s) => s.id === 'zap');
  assert.match(
    zap?.action?.text ?? '',
    /DISK=⟨fill in: \/dev\/disk\/by-id\/… path of osd\.1's disk on k8s-1⟩/,
  );
  assert.match(
    zap?.text ?? '',
    /^Resolve the by-id path first: the inventory records the LVM volume \/dev\/ceph-[^ ]+, not a disk\. On k8s-1 find the disk under it with `lsblk -s \/dev\/ceph-/,
  );
});

test('osd-remove osd/0 (recorded by its by-id path): the path is printed and the device gate passes', () => {
  const bound = bindRunbook(osdRemove, analysis, 'osd/0', opts);
  const zap = bound.steps.find((s) => s.id === 'zap');
  assert.match(
    zap?.action?.text ?? '',
    /^DISK=\/dev\/disk\/by-id\/ata-Samsung_SSD_870_EVO_1TB_S6PTNZ0R812345K$/m,
  );
  assert.doesNotMatch(zap?.text ?? '', /Resolve the by-id path/);
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
  // osd/0's device is recorded by its by-id path: that gate passes on a full read only.
  assert.equal(bindRunbook(osdRemove, analysis, 'osd/0', opts).gates[3]?.status, 'pass');
  assert.deepEqual(
    partial.gates.map((g) => g.status),
    ['unknown', 'fail', 'fail', 'unknown'],
  );
  assert.match(
    partial.gates[3]?.message ?? '',
    /by-id path .*, in what was read; the read gate did not pass$/,
  );
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
  assert.equal(
    bound.order.find((o) => o.workload === 'Deployment apps/paperless')?.why,
    'needs Cluster databases/pg-main: restart and check it once that is back',
  );
  assert.deepEqual(bound.fillIns, [{ name: 'what the status says', prompt: 'what the status says' }]);
  assert.throws(
    () => bindRunbook(runbook, analysis, 'workload/databases/PerconaXtraDBCluster/pxc-main', opts),
    /runbook pg-restore-test does not apply to workload\/databases\/PerconaXtraDBCluster\/pxc-main: it applies to backup\/cloudnative-pg/,
  );
});

/** A drain-like runbook written for this test: it takes the node down with its data intact. */
const DOWN = `---
id: node-down-test
title: Take a node down
appliesTo: [node]
tier: null
rto: 1h
version: 1
sources: {}
blast: down
---

## Sign in {#sign-in}

Pause: sign-in

- [ ] Node {{node.name}}, OSDs: {{node.osds}}

## Its OSDs {#osds}

Verify:

\`\`\`sh
for o in {{node.osds}}; do echo $o; done
\`\`\`

Expect: one line each for {{node.osds}}

{{node.osds}}

## Sign out {#sign-out}

Pause: sign-out

- [ ] Node {{node.name}} back
`;

test('blast: down asks what cannot serve while the target is down, not what loses data', () => {
  const { runbook, problems } = parseRunbook('runbooks/node-down-test.md', DOWN);
  assert.deepEqual(problems, []);
  assert.ok(runbook);
  const bound = bindRunbook(runbook, analysis, 'node/k8s-2', opts);
  assert.deepEqual(
    bound.gates.map((g) => g.id),
    ['read', 'unavailable', 'backups'],
  );
  const blast = blastRadius(analysis, [resolveTarget(analysis, 'node/k8s-2')], { outage: true });
  const down = blast.impacts.filter((i) => i.impact === 'unavailable').map((i) => workloadTitle(i.id));
  assert.equal(bound.gates[1]?.status, down.length > 0 ? 'fail' : 'pass');
  for (const w of down) assert.ok(bound.gates[1]?.message.includes(w), w);
  assert.match(bound.gates[1]?.message ?? '', /cannot serve while node\/k8s-2 is down/);
  assert.equal(bound.steps[0]?.checks[0], 'Node k8s-2, OSDs: osd.2, osd.3');
  // A list is a shell word list in a command, comma-joined in a sentence, a bullet list alone.
  assert.equal(bound.steps[1]?.verify?.command?.text, 'for o in osd.2 osd.3; do echo $o; done');
  assert.equal(bound.steps[1]?.verify?.expect, 'one line each for osd.2, osd.3');
  assert.equal(bound.steps[1]?.text, '- osd.2\n- osd.3');
  const bad = parseRunbook('runbooks/node-down-test.md', DOWN.replace('blast: down', 'blast: maybe'));
  assert.match(
    bad.problems[0]?.message ?? '',
    /front matter field blast: must be lost \(the default\) or down/,
  );
});

test('restore order: what a workload needs comes first, and it says so', () => {
  const order = restoreOrder(analysis, workloadRestoreSet(analysis, 'apps/Deployment/auth/authentik-server'));
  const names = order.map((o) => o.workload);
  const server = names.indexOf('Deployment auth/authentik-server');
  for (const dep of ['StatefulSet auth/authentik-redis', 'Cluster auth/authentik-db'])
    assert.ok(
      names.indexOf(dep) >= 0 && names.indexOf(dep) < server,
      `${dep} before the server: ${names.join(', ')}`,
    );
  assert.match(
    order[server]?.why ?? '',
    /^the workload restored; after .*StatefulSet auth\/authentik-redis.*, which it needs$/,
  );
  // Apps that sign in through it or sit behind its forward-auth come after it.
  assert.ok(names.indexOf('Deployment monitoring/grafana') > server);
});
