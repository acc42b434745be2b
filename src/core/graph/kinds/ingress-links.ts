import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { resolveServiceHost, serviceHostsIn } from '../service-refs.ts';

/** Links shared by Ingress and Traefik IngressRoute: backends and forward-auth. */

/** Traefik moved its CRDs from traefik.containo.us to traefik.io (v2.10+); both are in use. */
export const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'] as const;

/**
 * Forward-auth: every request to the app is first sent to this address (an identity
 * provider's outpost). If that Service is down, the app behind it is unreachable.
 */
export function linkForwardAuth(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  address: string,
  field: string,
  via: string,
): void {
  for (const { host, whole } of serviceHostsIn(address)) {
    const service = resolveServiceHost(ctx, host, namespace, whole);
    if (!service) continue;
    ctx.edge({
      from,
      to: service,
      type: 'forward-auth',
      source: reader,
      field,
      why: `${via} sends every request to ${host} to be authenticated`,
    });
  }
}

/** An Ingress or IngressRoute backend: a `routes-to` edge, or a dangling entry if the Service was not read. */
export function linkRoute(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  name: string,
  field: string,
): void {
  const to = nodeId('', 'Service', namespace, name);
  if (!ctx.index.has(to)) {
    ctx.dangling(reader, field, `routes to Service ${namespace}/${name}, which is not in the inventory`);
    return;
  }
  ctx.edge({
    from,
    to,
    type: 'routes-to',
    source: reader,
    field,
    why: `routes to Service ${namespace}/${name}`,
  });
}
