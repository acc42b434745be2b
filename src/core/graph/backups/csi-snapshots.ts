import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { compare } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { driverId } from '../kinds/storage-class.ts';
import { idOf } from '../object-index.ts';
import type { BackupAdapter } from './adapter.ts';
import { linkProtects, recordProtection, referencedNode } from './policy.ts';
import { type BackupRun, summariseRuns } from './runs.ts';

const SNAPSHOT = 'snapshot.storage.k8s.io';
const SNAPSCHEDULER = 'snapscheduler.backube/schedule';

/** `tierbook.io/SnapshotSet/<namespace>/<pvc>`: every plain VolumeSnapshot of one PVC. */
export function snapshotSetId(namespace: string, claim: string): string {
  return nodeId('tierbook.io', 'SnapshotSet', namespace, claim);
}

/**
 * CSI VolumeSnapshots that no backup system owns, one policy per source PVC. A CSI snapshot
 * lives on the same storage system as its volume (the driver keeps it), so it is no copy
 * outside that storage's blast radius. What a snapshot another system made looks like is that
 * system's to say (its `snapshotMarks`), so the adapter is made beside the others.
 */
export function csiSnapshotsBeside(systems: readonly BackupAdapter[]): BackupAdapter<'csi-snapshot'> {
  const labels = systems.flatMap((s) => s.snapshotMarks?.labels ?? []);
  const groups = systems.flatMap((s) => s.snapshotMarks?.ownerGroups ?? []);
  return {
    system: 'csi-snapshot',
    statusField: 'metadata.creationTimestamp',
    copies: 'volumes',
    reads: [
      groupKind(SNAPSHOT, 'VolumeSnapshot', 'volumesnapshots'),
      groupKind(SNAPSHOT, 'VolumeSnapshotContent', 'volumesnapshotcontents'),
      groupKind(SNAPSHOT, 'VolumeSnapshotClass', 'volumesnapshotclasses'),
    ],
    extract: (ctx) => extractSnapshots(ctx, { labels, groups }),
  };
}

interface MadeBy {
  labels: readonly string[];
  groups: readonly string[];
}

function extractSnapshots(ctx: BuildContext, madeBy: MadeBy): void {
  const byClaim = new Map<string, FieldReader[]>();
  for (const snapshot of ctx.index.ofKind(SNAPSHOT, 'VolumeSnapshot')) {
    const claim = snapshot.string('spec.source.persistentVolumeClaimName');
    if (!claim || madeByBackupSystem(snapshot, madeBy)) continue;
    const key = `${snapshot.object.metadata.namespace ?? ''}/${claim}`;
    byClaim.set(key, [...(byClaim.get(key) ?? []), snapshot]);
  }
  for (const [key, snapshots] of [...byClaim].sort(([a], [b]) => compare(a, b))) {
    const [namespace = '', claim = ''] = key.split('/');
    recordSet(
      ctx,
      namespace,
      claim,
      snapshots.sort((a, b) => compare(a.object.metadata.name ?? '', b.object.metadata.name ?? '')),
    );
  }
}

function recordSet(ctx: BuildContext, namespace: string, claim: string, snapshots: FieldReader[]): void {
  const policy = snapshotSetId(namespace, claim);
  ctx.node(policy, { derived: true });
  const claimId = referencedNode(ctx, nodeId('', 'PersistentVolumeClaim', namespace, claim), 'v1');
  for (const snapshot of snapshots)
    linkProtects(
      ctx,
      policy,
      claimId,
      snapshot,
      'spec.source.persistentVolumeClaimName',
      `VolumeSnapshot ${qualifiedName(idOf(snapshot))} is a snapshot of PVC ${qualifiedName(claimId)}`,
    );
  const drivers = new Map<string, FieldReader>();
  for (const snapshot of snapshots) {
    const driver = driverOf(ctx, snapshot);
    if (driver && !drivers.has(driver)) drivers.set(driver, snapshot);
  }
  for (const [driver, snapshot] of drivers) {
    ctx.node(driverId(driver), { derived: !ctx.index.has(driverId(driver)) });
    ctx.edge({
      from: policy,
      to: driverId(driver),
      type: 'stores-to',
      source: snapshot,
      field: 'status.boundVolumeSnapshotContentName',
      why: `CSI driver ${driver} keeps the snapshot on the same storage as PVC ${qualifiedName(claimId)}`,
    });
  }
  const schedules = [
    ...new Set(
      snapshots
        .map((s) => s.stringMap('metadata.labels')[SNAPSCHEDULER])
        .filter((s): s is string => Boolean(s)),
    ),
  ];
  const summary = summariseRuns(snapshots.map(runOf));
  recordProtection(ctx, policy, summary, {
    system: 'csi-snapshot',
    method: 'CSI VolumeSnapshot',
    schedule: schedules.length > 0 ? `SnapshotSchedule ${schedules.sort(compare).join(', ')}` : null,
    url: null,
    onVolumeStorage: true,
    repositorySecret: null,
    notes: [
      `${snapshots.length} snapshot(s)${schedules.length === 0 ? ', taken by hand or by a tool tierbook does not read' : ''}`,
    ],
  });
}

function madeByBackupSystem(snapshot: FieldReader, madeBy: MadeBy): boolean {
  const labels = snapshot.stringMap('metadata.labels');
  if (madeBy.labels.some((l) => l in labels)) return true;
  return snapshot.indexes('metadata.ownerReferences').some((i) => {
    const apiVersion = snapshot.string(`metadata.ownerReferences[${i}].apiVersion`) ?? '';
    return madeBy.groups.some((g) => apiVersion.startsWith(`${g}/`));
  });
}

/** The driver keeping the snapshot: its content's, else its class's. */
function driverOf(ctx: BuildContext, snapshot: FieldReader): string | undefined {
  const content = snapshot.string('status.boundVolumeSnapshotContentName');
  const fromContent = content
    ? ctx.index.get(nodeId(SNAPSHOT, 'VolumeSnapshotContent', undefined, content))?.string('spec.driver')
    : undefined;
  const className = snapshot.string('spec.volumeSnapshotClassName');
  const fromClass = className
    ? ctx.index.get(nodeId(SNAPSHOT, 'VolumeSnapshotClass', undefined, className))?.string('driver')
    : undefined;
  return fromContent ?? fromClass;
}

function runOf(snapshot: FieldReader): BackupRun {
  const created = snapshot.string('status.creationTime') ?? null;
  const error = snapshot.string('status.error.message');
  const ready = snapshot.boolean('status.readyToUse') === true;
  return {
    startedAt:
      created ??
      snapshot.string('status.error.time') ??
      snapshot.string('metadata.creationTimestamp') ??
      null,
    finishedAt: ready ? created : null,
    outcome: ready ? 'success' : error ? 'failure' : 'running',
    error: error ? `VolumeSnapshot ${snapshot.object.metadata.name}: ${error}` : null,
  };
}
