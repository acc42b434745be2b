/**
 * Where a CSI snapshot lives is its backend's to say (issue 10, item 2): the generic CSI
 * backend says the cloud provider keeps an EBS volume's snapshots, outside the cluster; a
 * driver it does not know keeps them on the volume's own storage, in the cluster.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseAllDocuments } from 'yaml';
import type { KubeObject } from '../../src/core/model.ts';
import { analysisFrom, sourceOf } from '../support/pipeline.ts';

const NOW = '2026-11-24T06:00:00Z';

const cluster = (driver: string) => `
apiVersion: v1
kind: PersistentVolume
metadata: {name: pv-data}
spec:
  csi: {driver: ${driver}, volumeHandle: vol-1}
  claimRef: {namespace: app, name: data}
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data, namespace: app}
spec: {volumeName: pv-data}
status: {phase: Bound}
---
apiVersion: v1
kind: Pod
metadata: {name: db, namespace: app}
spec:
  nodeName: n1
  volumes: [{name: data, persistentVolumeClaim: {claimName: data}}]
---
apiVersion: snapshot.storage.k8s.io/v1
kind: VolumeSnapshot
metadata: {name: data-1, namespace: app, creationTimestamp: '2026-11-24T01:00:00Z'}
spec: {source: {persistentVolumeClaimName: data}}
status: {readyToUse: true}
`;

async function destination(driver: string) {
  const items = parseAllDocuments(cluster(driver)).map((doc, i) => ({
    object: doc.toJSON() as KubeObject,
    from: { file: 'cluster.yaml', line: i + 1 },
  }));
  const analysis = await analysisFrom(sourceOf(items), { now: NOW });
  const [protection] = analysis.protections.get('core/Pod/app/db') ?? [];
  return [protection?.system, protection?.destination.where, protection?.destination.why];
}

test("an EBS volume's snapshots are kept by the cloud provider, as the CSI backend says", async () => {
  assert.deepEqual(await destination('ebs.csi.aws.com'), [
    'csi-snapshot',
    'outside',
    'aws-ebs snapshots are kept by the cloud provider, outside the cluster',
  ]);
});

test("an unknown driver's snapshots stay on the volume's own storage, in the cluster", async () => {
  const [system, where] = await destination('blocks.example.io');
  assert.deepEqual([system, where], ['csi-snapshot', 'in-cluster']);
});
