import type { FieldReader } from '../fields.ts';
import type { BuildContext } from './context.ts';
import { nodeId, qualifiedName } from './ids.ts';

/**
 * Service names inside configuration values: `svc`, `svc.ns`, `svc.ns.svc`,
 * `svc.ns.svc.cluster.local` (any cluster domain), bare or inside a URL or `host:port`.
 * A single-label name only counts as the whole value or a URL's host, since words like
 * "redis" are common in values that name no Service.
 */
export function serviceHostsIn(value: string): { host: string; whole: boolean }[] {
  const hosts: { host: string; whole: boolean }[] = [];
  const trimmed = value.trim();
  if (trimmed.length === 0 || trimmed.length > 4096) return hosts;
  for (const token of trimmed.split(/[\s,;'"=()<>[\]{}|]+/)) {
    if (!token) continue;
    const url = /^[a-z][a-z0-9+.-]*:\/\/(?:[^@/]*@)?([^/:?#]+)/i.exec(token);
    const candidate = url ? url[1] : token.replace(/^[^@/]*@/, '').split('/')[0];
    if (!candidate) continue;
    const host = candidate.replace(/:\d+$/, '').toLowerCase();
    if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(host)) continue;
    hosts.push({ host, whole: Boolean(url) || token === trimmed });
  }
  return hosts;
}

/** The Service id a host name resolves to from `namespace`, if such a Service was read. */
export function resolveServiceHost(
  ctx: BuildContext,
  host: string,
  namespace: string,
  whole: boolean,
): string | undefined {
  const labels = host.split('.');
  const [name, ns, third] = labels;
  if (!name) return undefined;
  let candidate: string | undefined;
  if (labels.length === 1) candidate = whole ? nodeId('', 'Service', namespace, name) : undefined;
  else if (labels.length === 2 && ns) candidate = nodeId('', 'Service', ns, name);
  else if (ns && third === 'svc') candidate = nodeId('', 'Service', ns, name);
  return candidate && ctx.index.has(candidate) ? candidate : undefined;
}

/** Adds `references` edges from `from` to every Service named in `value`. */
export function linkServiceReferences(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  value: string,
  field: string,
  what: string,
): void {
  for (const { host, whole } of serviceHostsIn(value)) {
    const service = resolveServiceHost(ctx, host, namespace, whole);
    if (!service || service === from) continue;
    ctx.edge({
      from,
      to: service,
      type: 'references',
      source: reader,
      field,
      why: `${what} names Service ${qualifiedName(service)} (${host})`,
    });
  }
}
