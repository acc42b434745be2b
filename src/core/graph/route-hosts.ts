import type { FieldReader } from '../fields.ts';
import type { BuildContext } from './context.ts';
import { compare } from './context.ts';
import { nodeId } from './ids.ts';

/**
 * Public host names the inventory routes into the cluster: Ingress rules, Traefik IngressRoute
 * `Host(...)` matches and Gateway API HTTPRoute `hostnames`, each with its path prefix and the
 * Service it sends to. An address such as `https://auth.example.home/application/o/app/`
 * resolves to the Service of the longest matching prefix. Host names are compared as written
 * (lower-cased), so an unsubstituted `auth.${SECRET_DOMAIN}` matches the same text in a route.
 */
export interface RoutedHost {
  host: string;
  path: string;
  service: string;
  /** `Ingress auth/authentik`, `IngressRoute auth/authentik`, `HTTPRoute auth/authentik`. */
  route: string;
}

const TRAEFIK_GROUPS = ['traefik.io', 'traefik.containo.us'];
const cache = new WeakMap<BuildContext, RoutedHost[]>();

export function routedHosts(ctx: BuildContext): RoutedHost[] {
  const known = cache.get(ctx);
  if (known) return known;
  const hosts = [...ingressHosts(ctx), ...ingressRouteHosts(ctx), ...httpRouteHosts(ctx)]
    .filter((h) => ctx.index.has(h.service))
    .sort(
      (a, b) =>
        compare(a.host, b.host) ||
        compare(a.path, b.path) ||
        compare(a.route, b.route) ||
        compare(a.service, b.service),
    );
  cache.set(ctx, hosts);
  return hosts;
}

/** The routes serving `host` at the longest prefix of `path`, one per Service. */
export function servicesForHost(ctx: BuildContext, host: string, path: string): RoutedHost[] {
  const wanted = host.toLowerCase();
  const matching = routedHosts(ctx).filter(
    (h) => hostMatches(h.host, wanted) && (path.startsWith(h.path) || `${path}/` === h.path),
  );
  const longest = Math.max(-1, ...matching.map((h) => h.path.length));
  const seen = new Set<string>();
  return matching.filter((h) => {
    if (h.path.length !== longest || seen.has(h.service)) return false;
    seen.add(h.service);
    return true;
  });
}

function hostMatches(pattern: string, host: string): boolean {
  if (pattern === host) return true;
  if (!pattern.startsWith('*.')) return false;
  const rest = host.slice(host.indexOf('.'));
  return host.indexOf('.') > 0 && rest === pattern.slice(1);
}

function routeName(kind: string, reader: FieldReader): string {
  return `${kind} ${reader.object.metadata.namespace ?? ''}/${reader.object.metadata.name ?? ''}`;
}

function prefix(path: string | undefined): string {
  if (!path) return '/';
  return path.startsWith('/') ? path : `/${path}`;
}

function ingressHosts(ctx: BuildContext): RoutedHost[] {
  const out: RoutedHost[] = [];
  for (const ingress of ctx.index.ofKind('networking.k8s.io', 'Ingress')) {
    const namespace = ingress.object.metadata.namespace ?? '';
    const route = routeName('Ingress', ingress);
    const fallback = ingress.string('spec.defaultBackend.service.name');
    for (const r of ingress.indexes('spec.rules')) {
      const host = ingress.string(`spec.rules[${r}].host`)?.toLowerCase();
      if (!host) continue;
      const paths = ingress.indexes(`spec.rules[${r}].http.paths`);
      if (paths.length === 0 && fallback)
        out.push({ host, path: '/', service: nodeId('', 'Service', namespace, fallback), route });
      for (const p of paths) {
        const at = `spec.rules[${r}].http.paths[${p}]`;
        const name =
          ingress.string(`${at}.backend.service.name`) ?? ingress.string(`${at}.backend.serviceName`);
        if (name)
          out.push({
            host,
            path: prefix(ingress.string(`${at}.path`)),
            service: nodeId('', 'Service', namespace, name),
            route,
          });
      }
    }
  }
  return out;
}

/** Strings inside every `Fn(...)` of a Traefik rule: `Host(\`a\`, \`b\`)` → a, b. */
function ruleArguments(rule: string, fn: string): string[] {
  const out: string[] = [];
  for (const call of rule.matchAll(new RegExp(`\\b${fn}\\(([^)]*)\\)`, 'g'))) {
    for (const arg of (call[1] ?? '').matchAll(/[`"']([^`"']+)[`"']/g)) if (arg[1]) out.push(arg[1]);
  }
  return out;
}

function ingressRouteHosts(ctx: BuildContext): RoutedHost[] {
  const out: RoutedHost[] = [];
  for (const group of TRAEFIK_GROUPS) {
    for (const reader of ctx.index.ofKind(group, 'IngressRoute')) {
      const namespace = reader.object.metadata.namespace ?? '';
      const route = routeName('IngressRoute', reader);
      for (const r of reader.indexes('spec.routes')) {
        const rule = reader.string(`spec.routes[${r}].match`) ?? '';
        const hosts = ruleArguments(rule, 'Host').map((h) => h.toLowerCase());
        const paths = [...ruleArguments(rule, 'PathPrefix'), ...ruleArguments(rule, 'Path')];
        for (const s of reader.indexes(`spec.routes[${r}].services`)) {
          const at = `spec.routes[${r}].services[${s}]`;
          const name = reader.string(`${at}.name`);
          if (!name || (reader.string(`${at}.kind`) ?? 'Service') !== 'Service') continue;
          const service = nodeId('', 'Service', reader.string(`${at}.namespace`) ?? namespace, name);
          for (const host of hosts)
            for (const path of paths.length > 0 ? paths : ['/'])
              out.push({ host, path: prefix(path), service, route });
        }
      }
    }
  }
  return out;
}

function httpRouteHosts(ctx: BuildContext): RoutedHost[] {
  const out: RoutedHost[] = [];
  for (const reader of ctx.index.ofKind('gateway.networking.k8s.io', 'HTTPRoute')) {
    const namespace = reader.object.metadata.namespace ?? '';
    const route = routeName('HTTPRoute', reader);
    const hosts = reader
      .indexes('spec.hostnames')
      .map((i) => reader.string(`spec.hostnames[${i}]`)?.toLowerCase())
      .filter((h): h is string => Boolean(h));
    for (const r of reader.indexes('spec.rules')) {
      const paths = reader
        .indexes(`spec.rules[${r}].matches`)
        .map((m) => reader.string(`spec.rules[${r}].matches[${m}].path.value`))
        .filter((p): p is string => Boolean(p));
      for (const b of reader.indexes(`spec.rules[${r}].backendRefs`)) {
        const at = `spec.rules[${r}].backendRefs[${b}]`;
        const name = reader.string(`${at}.name`);
        const kind = reader.string(`${at}.kind`) ?? 'Service';
        if (!name || kind !== 'Service' || (reader.string(`${at}.group`) ?? '') !== '') continue;
        const service = nodeId('', 'Service', reader.string(`${at}.namespace`) ?? namespace, name);
        for (const host of hosts)
          for (const path of paths.length > 0 ? paths : ['/'])
            out.push({ host, path: prefix(path), service, route });
      }
    }
  }
  return out;
}
