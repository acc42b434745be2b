import type { FieldReader } from '../../fields.ts';
import { coreKind } from '../../sources/resource-type.ts';
import { isUnresolvedName } from '../../unresolved-name.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { defaultStorageClass } from './storage-class.ts';

const LEGACY_CLASS_ANNOTATION = 'volume.beta.kubernetes.io/storage-class';

export const persistentVolumeClaim: KindExtractor = {
  group: '',
  kind: 'PersistentVolumeClaim',
  reads: [coreKind('PersistentVolumeClaim', 'persistentvolumeclaims')],
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    ctx.setAttrs(id, {
      phase: reader.string('status.phase') ?? null,
      requested: reader.string('spec.resources.requests.storage') ?? null,
      capacity: reader.string('status.capacity.storage') ?? null,
      accessModes: reader.strings('spec.accessModes'),
      volumeMode: reader.string('spec.volumeMode') ?? 'Filesystem',
    });
    linkClass(ctx, reader, id);
    const volume = reader.string('spec.volumeName');
    if (volume) {
      const pv = nodeId('', 'PersistentVolume', undefined, volume);
      const target = ctx.index.get(pv);
      if (!target) {
        ctx.dangling(reader, 'spec.volumeName', `names PV ${volume}, which is not in the inventory`);
      } else {
        const claimNs = target.string('spec.claimRef.namespace');
        const claimName = target.string('spec.claimRef.name');
        if (claimName && (claimName !== reader.object.metadata.name || claimNs !== namespace)) {
          ctx.dangling(
            reader,
            'spec.volumeName',
            `names PV ${volume}, but that PV is claimed by ${claimNs}/${claimName}`,
          );
        } else {
          ctx.edge({
            from: id,
            to: pv,
            type: 'bound-to',
            source: reader,
            field: 'spec.volumeName',
            why: `bound to PV ${volume}`,
          });
        }
      }
    }
    for (const field of ['spec.dataSourceRef', 'spec.dataSource']) {
      const kind = reader.string(`${field}.kind`);
      const name = reader.string(`${field}.name`);
      if (!kind || !name) continue;
      const group = reader.string(`${field}.apiGroup`) ?? '';
      const sourceNs = reader.string(`${field}.namespace`) ?? namespace;
      const to = nodeId(group, kind, sourceNs, name);
      if (!ctx.index.has(to)) ctx.node(to, { missing: true });
      ctx.edge({
        from: id,
        to,
        type: 'restored-from',
        source: reader,
        field,
        why: `created from ${kind} ${sourceNs}/${name}`,
      });
      break;
    }
  },
};

/**
 * Which class placed the claim, and how: named in spec, by the legacy annotation, or left to
 * the cluster default (an unchosen placement worth flagging for critical data). `""` means
 * "no class": static binding only.
 */
function linkClass(ctx: BuildContext, reader: FieldReader, id: string): void {
  const explicit = reader.string('spec.storageClassName');
  const legacy = reader.stringMap('metadata.annotations')[LEGACY_CLASS_ANNOTATION];
  let name: string | undefined;
  let how: 'spec' | 'annotation' | 'default' | 'none';
  let field: string;
  if (explicit !== undefined && isUnresolvedName(explicit)) {
    // A Flux variable nothing substituted: the class is unknown, not a class of that name.
    ctx.setAttrs(id, { classFrom: 'unresolved', unresolvedClass: explicit });
    ctx.dangling(
      reader,
      'spec.storageClassName',
      `is ${explicit}, an unresolved variable: the class is unknown (the worst case is assumed)`,
    );
    return;
  }
  if (explicit !== undefined) {
    [name, how, field] =
      explicit === ''
        ? [undefined, 'none', 'spec.storageClassName']
        : [explicit, 'spec', 'spec.storageClassName'];
  } else if (legacy) {
    [name, how, field] = [legacy, 'annotation', `metadata.annotations.${LEGACY_CLASS_ANNOTATION}`];
  } else {
    name = defaultStorageClass(ctx.index)?.object.metadata.name;
    [how, field] = [name ? 'default' : 'none', 'spec.storageClassName'];
  }
  ctx.setAttrs(id, { classFrom: how });
  if (!name) return;
  const to = nodeId('storage.k8s.io', 'StorageClass', undefined, name);
  if (!ctx.index.has(to)) {
    ctx.node(to, { missing: true, apiVersion: 'storage.k8s.io/v1' });
    ctx.dangling(reader, field, `asks for StorageClass ${name}, which is not in the inventory`);
  }
  const why =
    how === 'default'
      ? `no class named: the cluster default ${name} applies`
      : `asks for StorageClass ${name}`;
  ctx.edge({ from: id, to, type: 'uses-class', source: reader, field, why });
}
