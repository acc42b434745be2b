import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { linkDestination } from './destination.ts';
import { referencedNode } from './policy.ts';

/**
 * One storage of a Percona operator's backup section (`storages.<name>` for XtraDB and MongoDB,
 * a pgBackRest repo for PostgreSQL): links the policy to it and returns its URL for the attr.
 * `s3` (with an endpoint or AWS), `gcs`, `azure` go out by URL; `filesystem`/`volume` storage
 * is a PVC in the cluster, named after the backup when one is known.
 */
export function linkPerconaStorage(
  ctx: BuildContext,
  policy: string,
  cluster: FieldReader,
  path: string,
  label: string,
  backupClaim: string | undefined,
): { url: string | null; notes: string[] } {
  const namespace = cluster.object.metadata.namespace ?? '';
  const via = `${cluster.object.kind} ${qualifiedName(idOf(cluster))} storage ${label}`;
  const s3Bucket = cluster.string(`${path}.s3.bucket`);
  const endpointField = cluster.string(`${path}.s3.endpointUrl`) ? 'endpointUrl' : 'endpoint';
  const endpoint = cluster.string(`${path}.s3.${endpointField}`);
  const gcsBucket = cluster.string(`${path}.gcs.bucket`);
  const azureContainer = cluster.string(`${path}.azure.container`);
  if (s3Bucket) {
    // pgBackRest writes the endpoint as a bare host; the others as a URL.
    const address = endpoint ?? `s3://${s3Bucket}`;
    linkDestination(ctx, policy, {
      reader: cluster,
      field: endpoint ? `${path}.s3.${endpointField}` : `${path}.s3.bucket`,
      url: address,
      via,
    });
    return { url: endpoint ? `s3://${s3Bucket} at ${endpoint}` : `s3://${s3Bucket}`, notes: [] };
  }
  if (gcsBucket) {
    linkDestination(ctx, policy, {
      reader: cluster,
      field: `${path}.gcs.bucket`,
      url: `gs://${gcsBucket}`,
      via,
    });
    return { url: `gs://${gcsBucket}`, notes: [] };
  }
  if (azureContainer) {
    const azureEndpoint = cluster.string(`${path}.azure.endpointUrl`);
    const url = azureEndpoint ?? `azure://${azureContainer}`;
    linkDestination(ctx, policy, { reader: cluster, field: `${path}.azure`, url, via });
    return { url, notes: [] };
  }
  if (cluster.record(`${path}.volume`) || cluster.string(`${path}.type`) === 'filesystem') {
    if (backupClaim) {
      const claim = referencedNode(ctx, nodeId('', 'PersistentVolumeClaim', namespace, backupClaim), 'v1');
      ctx.edge({
        from: policy,
        to: claim,
        type: 'stores-to',
        source: cluster,
        field: `${path}.volume`,
        why: `${via} is a PVC in the cluster (${qualifiedName(claim)})`,
      });
    }
    return { url: null, notes: [`${label} is a PVC in the cluster (filesystem storage)`] };
  }
  return { url: null, notes: [`storage ${label} is not in the cluster's backup section`] };
}
