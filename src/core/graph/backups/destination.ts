import type { FieldReader } from '../../fields.ts';
import { redactUrl } from '../../url-credentials.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { idOf } from '../object-index.ts';
import { resolveServiceHost } from '../service-refs.ts';
import { ingressServicesForHost, serviceWithAddress } from './in-cluster-hosts.ts';
import { inventoryNamespaces } from './policy.ts';

/** Where a backup writes, as its configuration says: an endpoint URL and/or a bucket URL. */
export interface DestinationSpec {
  /** The object that configures it (a BackupStorageLocation, the Cluster, an ObjectStore…). */
  reader: FieldReader;
  field: string;
  /** An endpoint (`http://minio.minio.svc:9000`) or a bucket URL (`s3://bucket/path`). */
  url: string;
  /** The configuring object, in words: "BackupStorageLocation velero/default". */
  via: string;
}

const SCHEME = /^([a-z][a-z0-9+.-]*):\/\/(?:[^@/]*@)?([^/?#]*)/i;
/** Schemes whose authority is a bucket of the cloud's own service, not a host. */
const CLOUD_BUCKET_SCHEMES = new Set(['s3', 'gs', 'gcs', 'azure', 'azblob', 'b2', 'swift']);

/** `tierbook.io/BackupTarget//<host or scheme:bucket>`: a place outside the cluster. */
export function backupTargetId(name: string): string {
  return nodeId('tierbook.io', 'BackupTarget', undefined, name);
}

/**
 * Links `policy` to the node where its copy lives, from the namespace the configuring object is
 * in: an in-cluster Service (by DNS name, Ingress host or IP), or else a derived BackupTarget.
 * Returns the target id.
 */
export function linkDestination(
  ctx: BuildContext,
  policy: string,
  spec: DestinationSpec,
): string | undefined {
  // Credentials in the URL never reach a why, a node id or an attr (docs/security.md).
  const url = redactUrl(spec.url);
  const parsed = hostOf(url);
  if (!parsed) return undefined;
  const namespace = spec.reader.object.metadata.namespace ?? '';
  // A bucket URL (`s3://velero`) names a bucket, not a host: never a cluster DNS name.
  const inCluster = parsed.bucketOnly ? undefined : inClusterTarget(ctx, parsed.host, namespace);
  if (inCluster) {
    ctx.edge({
      from: policy,
      to: inCluster.id,
      type: 'stores-to',
      source: spec.reader,
      field: spec.field,
      why: `${spec.via} writes to ${url}: ${inCluster.why}`,
    });
    return inCluster.id;
  }
  const name = parsed.bucketOnly ? `${parsed.scheme}:${parsed.host}` : parsed.host;
  const target = backupTargetId(name);
  ctx.node(target, { derived: true });
  ctx.setAttrs(target, { host: name });
  ctx.edge({
    from: policy,
    to: target,
    type: 'stores-to',
    source: spec.reader,
    field: spec.field,
    why: `${spec.via} writes to ${url}, which names no Service, Ingress or address of this cluster`,
  });
  return target;
}

interface ParsedHost {
  scheme: string;
  host: string;
  /** `s3://bucket/…`: the cloud's own service, named by bucket. */
  bucketOnly: boolean;
}

export function hostOf(url: string): ParsedHost | undefined {
  const trimmed = url.trim();
  const match = SCHEME.exec(trimmed);
  const scheme = (match?.[1] ?? '').toLowerCase();
  const authority = match ? (match[2] ?? '') : (trimmed.split('/')[0] ?? '').replace(/^.*@/, '');
  const host = authority
    .replace(/^\[|\](:\d+)?$/g, '')
    .replace(/:\d*$/, '')
    .toLowerCase();
  if (!host) return undefined;
  return { scheme, host, bucketOnly: CLOUD_BUCKET_SCHEMES.has(scheme) };
}

/**
 * A host is in the cluster when it is a Service's DNS name (`svc`, `svc.ns`, `svc.ns.svc…`),
 * an Ingress host routed to a Service, or a Service's or Node's address. A `*.svc` name or a
 * single label whose Service was not read still resolves through cluster DNS: a placeholder.
 */
function inClusterTarget(
  ctx: BuildContext,
  host: string,
  namespace: string,
): { id: string; why: string } | undefined {
  const service = resolveServiceHost(ctx, host, namespace, true);
  if (service) return { id: service, why: `${host} is Service ${qualifiedName(service)}` };
  const labels = host.split('.');
  const [name = '', ns = namespace, third] = labels;
  // `svc.ns` is a cluster DNS name too, but so is a LAN name (`nas.home`): only a namespace
  // the inventory knows makes it one.
  const knownNamespace = labels.length === 2 && inventoryNamespaces(ctx).includes(ns);
  if (labels.length === 1 || knownNamespace || (labels.length >= 3 && third === 'svc')) {
    const id = nodeId('', 'Service', ns, name);
    ctx.node(id, { missing: true, apiVersion: 'v1' });
    return { id, why: `${host} is a cluster DNS name for Service ${ns}/${name} (not in the inventory)` };
  }
  const routed = ingressServicesForHost(ctx, host);
  if (routed)
    return {
      id: routed.service,
      why: `${host} is the host of Ingress ${qualifiedName(idOf(routed.ingress))}, routed to Service ${qualifiedName(routed.service)}`,
    };
  const byAddress = serviceWithAddress(ctx, host);
  if (byAddress) return byAddress;
  return undefined;
}
