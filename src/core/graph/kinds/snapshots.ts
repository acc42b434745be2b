import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { driverId } from './storage-class.ts';

const GROUP = 'snapshot.storage.k8s.io';

export const volumeSnapshot: KindExtractor = {
  group: GROUP,
  kind: 'VolumeSnapshot',
  reads: [groupKind(GROUP, 'VolumeSnapshot', 'volumesnapshots')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    ctx.setAttrs(id, {
      readyToUse: reader.boolean('status.readyToUse') ?? false,
      creationTime: reader.string('status.creationTime') ?? null,
      restoreSize: reader.string('status.restoreSize') ?? null,
    });
    const claim = reader.string('spec.source.persistentVolumeClaimName');
    if (claim) {
      const to = nodeId('', 'PersistentVolumeClaim', namespace, claim);
      if (ctx.index.has(to))
        ctx.edge({
          from: id,
          to,
          type: 'snapshot-of',
          source: reader,
          field: 'spec.source.persistentVolumeClaimName',
          why: `a snapshot of PVC ${namespace}/${claim}`,
        });
      else
        ctx.dangling(
          reader,
          'spec.source.persistentVolumeClaimName',
          `snapshots PVC ${namespace}/${claim}, which is not in the inventory`,
        );
    }
    const content =
      reader.string('status.boundVolumeSnapshotContentName') ??
      reader.string('spec.source.volumeSnapshotContentName');
    if (content) {
      const to = nodeId(GROUP, 'VolumeSnapshotContent', undefined, content);
      if (ctx.index.has(to))
        ctx.edge({
          from: id,
          to,
          type: 'bound-to',
          source: reader,
          field: 'status.boundVolumeSnapshotContentName',
          why: `bound to VolumeSnapshotContent ${content}`,
        });
    }
    const className = reader.string('spec.volumeSnapshotClassName');
    if (className) {
      const to = nodeId(GROUP, 'VolumeSnapshotClass', undefined, className);
      ctx.node(to, { missing: !ctx.index.has(to) });
      ctx.edge({
        from: id,
        to,
        type: 'uses-class',
        source: reader,
        field: 'spec.volumeSnapshotClassName',
        why: `of VolumeSnapshotClass ${className}`,
      });
    }
  },
};

export const volumeSnapshotContent: KindExtractor = {
  group: GROUP,
  kind: 'VolumeSnapshotContent',
  reads: [groupKind(GROUP, 'VolumeSnapshotContent', 'volumesnapshotcontents')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const driver = reader.string('spec.driver');
    if (driver) {
      ctx.node(driverId(driver), { derived: !ctx.index.has(driverId(driver)) });
      ctx.edge({
        from: id,
        to: driverId(driver),
        type: 'uses-driver',
        source: reader,
        field: 'spec.driver',
        why: `kept by CSI driver ${driver}`,
      });
    }
    const name = reader.string('spec.volumeSnapshotRef.name');
    const namespace = reader.string('spec.volumeSnapshotRef.namespace');
    if (name && namespace) {
      const snapshot = nodeId(GROUP, 'VolumeSnapshot', namespace, name);
      if (ctx.index.has(snapshot))
        ctx.edge({
          from: snapshot,
          to: id,
          type: 'bound-to',
          source: reader,
          field: 'spec.volumeSnapshotRef',
          why: `content of VolumeSnapshot ${namespace}/${name}`,
        });
      else
        ctx.dangling(
          reader,
          'spec.volumeSnapshotRef',
          `belongs to VolumeSnapshot ${namespace}/${name}, which is not in the inventory`,
        );
    }
  },
};

export const volumeSnapshotClass: KindExtractor = {
  group: GROUP,
  kind: 'VolumeSnapshotClass',
  reads: [groupKind(GROUP, 'VolumeSnapshotClass', 'volumesnapshotclasses')],
  extract(ctx, reader) {
    const driver = reader.string('driver');
    if (!driver) return;
    ctx.node(driverId(driver), { derived: !ctx.index.has(driverId(driver)) });
    ctx.edge({
      from: idOf(reader),
      to: driverId(driver),
      type: 'uses-driver',
      source: reader,
      field: 'driver',
      why: `snapshots taken by CSI driver ${driver}`,
    });
  },
};
