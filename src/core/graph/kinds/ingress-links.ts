import type { FieldReader } from '../../fields.ts';
import { groupKind, type ResourceType } from '../../sources/resource-type.ts';
import type { NameJudgement } from '../address-names.ts';
import type { BuildContext } from '../context.ts';
import { nodeId, qualifiedName } from '../ids.ts';
import { servicesForHost } from '../route-hosts.ts';
import { addressesIn, resolveServiceAddress } from '../service-refs.ts';

/** Links shared by Ingress and Traefik IngressRoute: backends and forward-auth. */

/** Traefik moved its CRDs from traefik.containo.us to traefik.io (v2.10+); both are in use. */
export const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'] as const;

/** The Middlewares an Ingress annotation or an IngressRoute names, in either Traefik group. */
export const TRAEFIK_MIDDLEWARE_KINDS: readonly ResourceType[] = TRAEFIK_GROUPS.map((group) =>
  groupKind(group, 'Middleware', 'middlewares'),
);

/** A forward-auth address is an address by definition: a bare Service name counts. */
const AUTH_ADDRESS: NameJudgement = {
  name: 'forward-auth address',
  address: true,
  signIn: false,
  image: false,
};

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
  for (const found of addressesIn(address, AUTH_ADDRESS)) {
    const service = resolveServiceAddress(ctx, found.host, namespace, true)?.service;
    // A public URL (`https://auth.example.home/outpost.goauthentik.io/auth/nginx`) reaches the
    // provider through whatever route serves that host.
    const targets = service
      ? [{ service, through: '' }]
      : servicesForHost(ctx, found.host, found.path).map((r) => ({
          service: r.service,
          through: `, which ${r.route} routes to Service ${qualifiedName(r.service)}`,
        }));
    for (const { service: to, through } of targets) {
      ctx.edge({
        from,
        to,
        type: 'forward-auth',
        source: reader,
        field,
        why: `${via} sends every request to ${found.host}${through} to be authenticated`,
      });
    }
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
