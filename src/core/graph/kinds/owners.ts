import type { FieldReader } from '../../fields.ts';
import { groupOf } from '../../model.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';

/**
 * Kinds that are cluster-scoped, by `group/Kind`: an owner of one of these kinds that was not
 * read is one cluster-wide object, not one per namespace of the objects it owns (mirror pods
 * in every namespace name their Node; OpenShift operands name their ClusterOperator).
 */
const CLUSTER_SCOPED_KINDS = new Set([
  '/Node',
  '/Namespace',
  '/PersistentVolume',
  'storage.k8s.io/StorageClass',
  'storage.k8s.io/CSIDriver',
  'apiextensions.k8s.io/CustomResourceDefinition',
  'apiregistration.k8s.io/APIService',
  'rbac.authorization.k8s.io/ClusterRole',
  'rbac.authorization.k8s.io/ClusterRoleBinding',
  'admissionregistration.k8s.io/ValidatingWebhookConfiguration',
  'admissionregistration.k8s.io/MutatingWebhookConfiguration',
  'config.openshift.io/ClusterOperator',
  'config.openshift.io/ClusterVersion',
  'machineconfiguration.openshift.io/MachineConfig',
  'machineconfiguration.openshift.io/MachineConfigPool',
]);

/** OpenShift's operator.openshift.io resources (Etcd, KubeAPIServer, Network…) are all cluster-scoped. */
function clusterScoped(group: string, kind: string): boolean {
  return CLUSTER_SCOPED_KINDS.has(`${group}/${kind}`) || group === 'operator.openshift.io';
}

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
    const clusterScopedId = nodeId(group, kind, undefined, name);
    const owner = ctx.index.get(local) ?? ctx.index.get(clusterScopedId);
    const uid = reader.string(`${at}.uid`);
    if (!owner) {
      const placeholder = clusterScoped(group, kind) ? clusterScopedId : local;
      ctx.node(placeholder, { missing: true, apiVersion });
      ctx.dangling(reader, at, `owner ${kind} ${name} is not in the inventory`);
      ctx.edge({
        from: placeholder,
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
