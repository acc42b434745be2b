import type { FieldReader } from '../../fields.ts';
import type { BuildContext } from '../context.ts';
import { resolveServiceHost, serviceHostsIn } from '../service-refs.ts';

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
