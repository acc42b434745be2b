import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import type { ObjectIndex } from '../object-index.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';

const DEFAULT_ANNOTATIONS = [
  'storageclass.kubernetes.io/is-default-class',
  'storageclass.beta.kubernetes.io/is-default-class',
];

export function isDefaultClass(reader: FieldReader): boolean {
  const annotations = reader.stringMap('metadata.annotations');
  return DEFAULT_ANNOTATIONS.some((key) => annotations[key] === 'true');
}

/**
 * The class a PVC without one gets. With several defaults Kubernetes (1.26+) picks the most
 * recently created; ties go to the name, so the answer is deterministic.
 */
export function defaultStorageClass(index: ObjectIndex): FieldReader | undefined {
  const defaults = index.ofKind('storage.k8s.io', 'StorageClass').filter(isDefaultClass);
  defaults.sort((a, b) => {
    const ta = a.string('metadata.creationTimestamp') ?? '';
    const tb = b.string('metadata.creationTimestamp') ?? '';
    if (ta !== tb) return ta < tb ? 1 : -1;
    const na = a.object.metadata.name ?? '';
    const nb = b.object.metadata.name ?? '';
    return na < nb ? -1 : na > nb ? 1 : 0;
  });
  return defaults[0];
}

export function driverId(driver: string): string {
  return nodeId('storage.k8s.io', 'CSIDriver', undefined, driver);
}

export const storageClass: KindExtractor = {
  group: 'storage.k8s.io',
  kind: 'StorageClass',
  reads: [
    groupKind('storage.k8s.io', 'StorageClass', 'storageclasses'),
    // The driver a class names, when installed (its node is linked either way).
    groupKind('storage.k8s.io', 'CSIDriver', 'csidrivers'),
  ],
  extract(ctx, reader) {
    const id = idOf(reader);
    const provisioner = reader.string('provisioner') ?? '';
    const parameters = reader.stringMap('parameters');
    // csi.storage.k8s.io/* parameters name the Secrets the driver uses: noise here, and not ours to show.
    const shown = Object.fromEntries(
      Object.entries(parameters).filter(([key]) => !key.startsWith('csi.storage.k8s.io/')),
    );
    ctx.setAttrs(id, {
      provisioner,
      isDefault: isDefaultClass(reader),
      reclaimPolicy: reader.string('reclaimPolicy') ?? 'Delete',
      volumeBindingMode: reader.string('volumeBindingMode') ?? 'Immediate',
      allowVolumeExpansion: reader.boolean('allowVolumeExpansion') ?? false,
      parameters: shown,
    });
    if (provisioner) {
      ctx.node(driverId(provisioner), { derived: !ctx.index.has(driverId(provisioner)) });
      ctx.edge({
        from: id,
        to: driverId(provisioner),
        type: 'uses-driver',
        source: reader,
        field: 'provisioner',
        why: `provisioned by ${provisioner}`,
      });
    }
  },
};
