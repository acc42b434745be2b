import type { FieldReader } from '../../fields.ts';
import { groupOf } from '../../model.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';

/**
 * ownerReferences, for every object: owner → owned. An owner reference carries no namespace:
 * the owner is in the object's namespace, or cluster-scoped. UIDs are compared when both sides
 * have one; a mismatch means the owner was deleted and recreated (a stale reference).
 */
export function linkOwners(ctx: BuildContext, reader: FieldReader): void {
  const owned = idOf(reader);
  const namespace = reader.object.metadata.namespace;
  for (const i of reader.indexes('metadata.ownerReferences')) {
    const at = `metadata.ownerReferences[${i}]`;
    const apiVersion = reader.string(`${at}.apiVersion`) ?? '';
    const kind = reader.string(`${at}.kind`);
    const name = reader.string(`${at}.name`);
    if (!kind || !name) {
      ctx.dangling(reader, at, 'owner reference without kind or name');
      continue;
    }
    const group = groupOf(apiVersion);
    const local = nodeId(group, kind, namespace, name);
    const clusterScoped = nodeId(group, kind, undefined, name);
    const owner = ctx.index.get(local) ?? ctx.index.get(clusterScoped);
    const uid = reader.string(`${at}.uid`);
    if (!owner) {
      ctx.node(local, { missing: true, apiVersion });
      ctx.dangling(reader, at, `owner ${kind} ${name} is not in the inventory`);
      ctx.edge({
        from: local,
        to: owned,
        type: 'owns',
        source: reader,
        field: at,
        why: `${kind} ${name} owns it`,
      });
      continue;
    }
    const ownerUid = owner.object.metadata.uid;
    if (uid && ownerUid && uid !== ownerUid) {
      ctx.dangling(
        reader,
        `${at}.uid`,
        `owner ${kind} ${name} has uid ${ownerUid}, the reference names ${uid} (stale)`,
      );
      continue;
    }
    ctx.edge({
      from: idOf(owner),
      to: owned,
      type: 'owns',
      source: reader,
      field: at,
      why: `${kind} ${name} owns it`,
    });
  }
}
