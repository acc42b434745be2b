import { groupKind } from '../../sources/resource-type.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { linkForwardAuth, linkRoute, TRAEFIK_GROUPS } from './ingress-links.ts';

/** IngressRoute: routes to Services and applies middlewares (forward-auth among them). */
export const ingressRoute: KindExtractor = {
  group: TRAEFIK_GROUPS,
  kind: 'IngressRoute',
  reads: TRAEFIK_GROUPS.flatMap((group) => [
    groupKind(group, 'Middleware', 'middlewares'),
    groupKind(group, 'IngressRoute', 'ingressroutes'),
  ]),
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    for (const r of reader.indexes('spec.routes')) {
      for (const s of reader.indexes(`spec.routes[${r}].services`)) {
        const at = `spec.routes[${r}].services[${s}]`;
        const kind = reader.string(`${at}.kind`) ?? 'Service';
        const name = reader.string(`${at}.name`);
        if (!name || kind !== 'Service') continue;
        const ns = reader.string(`${at}.namespace`) ?? namespace;
        linkRoute(ctx, reader, id, ns, name, `${at}.name`);
      }
      for (const m of reader.indexes(`spec.routes[${r}].middlewares`)) {
        const at = `spec.routes[${r}].middlewares[${m}]`;
        const name = reader.string(`${at}.name`);
        if (!name) continue;
        const ns = reader.string(`${at}.namespace`) ?? namespace;
        const middleware = TRAEFIK_GROUPS.map((g) => ctx.index.get(nodeId(g, 'Middleware', ns, name))).find(
          Boolean,
        );
        const address = middleware?.string('spec.forwardAuth.address');
        if (address)
          linkForwardAuth(
            ctx,
            reader,
            id,
            ns,
            address,
            `${at}.name`,
            `Traefik middleware ${ns}/${name} (forwardAuth)`,
          );
      }
    }
  },
};
