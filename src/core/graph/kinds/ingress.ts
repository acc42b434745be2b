import type { FieldReader } from '../../fields.ts';
import { groupKind } from '../../sources/resource-type.ts';
import type { BuildContext } from '../context.ts';
import { nodeId } from '../ids.ts';
import { idOf } from '../object-index.ts';
import type { KindExtractor } from './extractor.ts';
import { linkForwardAuth, linkRoute, TRAEFIK_GROUPS, TRAEFIK_MIDDLEWARE_KINDS } from './ingress-links.ts';

const NGINX_AUTH_URL = 'nginx.ingress.kubernetes.io/auth-url';
const TRAEFIK_MIDDLEWARES = 'traefik.ingress.kubernetes.io/router.middlewares';

export const ingress: KindExtractor = {
  group: 'networking.k8s.io',
  kind: 'Ingress',
  reads: [groupKind('networking.k8s.io', 'Ingress', 'ingresses'), ...TRAEFIK_MIDDLEWARE_KINDS],
  extract(ctx, reader) {
    const id = idOf(reader);
    const namespace = reader.object.metadata.namespace ?? '';
    const backends: [string, string][] = [];
    const fallback = reader.string('spec.defaultBackend.service.name');
    if (fallback) backends.push([fallback, 'spec.defaultBackend.service.name']);
    for (const r of reader.indexes('spec.rules')) {
      for (const p of reader.indexes(`spec.rules[${r}].http.paths`)) {
        const field = `spec.rules[${r}].http.paths[${p}].backend.service.name`;
        const name =
          reader.string(field) ?? reader.string(`spec.rules[${r}].http.paths[${p}].backend.serviceName`);
        if (name) backends.push([name, field]);
      }
    }
    for (const [name, field] of backends) linkRoute(ctx, reader, id, namespace, name, field);
    const annotations = reader.stringMap('metadata.annotations');
    const authUrl = annotations[NGINX_AUTH_URL];
    if (authUrl)
      linkForwardAuth(
        ctx,
        reader,
        id,
        namespace,
        authUrl,
        `metadata.annotations.${NGINX_AUTH_URL}`,
        'nginx auth-url',
      );
    const middlewares = annotations[TRAEFIK_MIDDLEWARES];
    if (middlewares) linkTraefikMiddlewares(ctx, reader, id, middlewares);
  },
};

/**
 * `<namespace>-<name>@kubernetescrd`, comma-separated. Namespaces and names may both contain
 * dashes, so each split point is tried against the Middlewares that were read.
 */
function linkTraefikMiddlewares(ctx: BuildContext, reader: FieldReader, from: string, value: string): void {
  const field = `metadata.annotations.${TRAEFIK_MIDDLEWARES}`;
  for (const entry of value.split(',').map((s) => s.trim())) {
    const [qualified, provider] = entry.split('@');
    if (!qualified || (provider && provider !== 'kubernetescrd')) continue;
    const middleware = findMiddleware(ctx, qualified);
    if (!middleware) {
      ctx.dangling(reader, field, `uses Traefik middleware ${entry}, which is not in the inventory`);
      continue;
    }
    const address = middleware.string('spec.forwardAuth.address');
    if (address) {
      linkForwardAuth(
        ctx,
        reader,
        from,
        middleware.object.metadata.namespace ?? '',
        address,
        field,
        `Traefik middleware ${qualified} (forwardAuth)`,
      );
    }
  }
}

function findMiddleware(ctx: BuildContext, qualified: string): FieldReader | undefined {
  for (let i = qualified.indexOf('-'); i > 0; i = qualified.indexOf('-', i + 1)) {
    const namespace = qualified.slice(0, i);
    const name = qualified.slice(i + 1);
    for (const group of TRAEFIK_GROUPS) {
      const found = ctx.index.get(nodeId(group, 'Middleware', namespace, name));
      if (found) return found;
    }
  }
  return undefined;
}
