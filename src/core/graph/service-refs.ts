import type { FieldReader } from '../fields.ts';
import { FREE_TEXT, judgeName, type NameJudgement } from './address-names.ts';
import type { BuildContext } from './context.ts';
import { nodeId, qualifiedName } from './ids.ts';
import type { EdgeType } from './model.ts';
import { servicesForHost } from './route-hosts.ts';

/**
 * How a value names a host: a URL (`postgres://db:5432/app`, `jdbc:postgresql://db/app`),
 * `host:port`, a DNS name with dots (`db.apps`, `db-0.db.apps.svc.cluster.local`), or a bare
 * single-label name, which only counts under a name that says it is an address.
 */
export type AddressShape = 'url' | 'host-port' | 'dns-name' | 'bare-name';

export interface AddressInValue {
  /** Lower-cased as written; may hold an unsubstituted `${VAR}` (then only routes can match it). */
  host: string;
  shape: AddressShape;
  port?: string;
  /** A URL's path, `/` otherwise. */
  path: string;
  /** The name the value was judged under (an inner `key=value` name wins over the outer one). */
  under: NameJudgement;
}

const DNS_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const URL = /^((?:[a-z][a-z0-9+.-]*:)+)\/\/(?:[^@/?#]*@)?([^/:?#@]+)(?::(\d{1,5}))?([/?#].*)?$/i;
const INNER_PAIR = /^-{0,2}([A-Za-z_][\w.-]*)=(.+)$/;
const HOST_PORT = /^([^/:@]+):(\d{1,5})(?:\/.*)?$/;

/** Every address-shaped host in `value`, read under the variable, key or flag `under`. */
export function addressesIn(value: string, under: NameJudgement = FREE_TEXT): AddressInValue[] {
  const out: AddressInValue[] = [];
  if (value.length === 0 || value.length > 4096) return out;
  // `$(OTHER_VAR)` is Kubernetes' env expansion: a reference to another variable, not a host.
  const cleaned = value.replace(/\$\([A-Za-z_][A-Za-z0-9_]*\)/g, ' ');
  for (const raw of cleaned.split(/[\s,;'"()<>[\]|]+/)) {
    let token = trimBraces(raw);
    if (!token) continue;
    let judged = under;
    if (!URL.test(token)) {
      const pair = INNER_PAIR.exec(token);
      if (pair?.[1] && pair[2]) {
        judged = judgeName(pair[1]);
        token = pair[2];
      }
    }
    const found = addressOf(token, judged);
    if (found) out.push(found);
  }
  return out;
}

function trimBraces(token: string): string {
  let t = token.replace(/^\{+/, '');
  while (t.endsWith('}') && count(t, '}') > count(t, '{')) t = t.slice(0, -1);
  return t;
}

function count(text: string, char: string): number {
  return text.split(char).length - 1;
}

function addressOf(token: string, under: NameJudgement): AddressInValue | undefined {
  const url = URL.exec(token);
  if (url?.[2]) {
    const host = url[2].toLowerCase().replace(/\.$/, '');
    return { host, shape: 'url', ...(url[3] ? { port: url[3] } : {}), path: pathOf(url[4]), under };
  }
  if (token.startsWith('/')) return undefined;
  const bare = token.replace(/^[^@/]*@/, '');
  const hostPort = HOST_PORT.exec(bare);
  if (hostPort?.[1] && hostPort[2]) {
    if (under.image) return undefined;
    const host = hostPort[1].toLowerCase().replace(/\.$/, '');
    return DNS_NAME.test(host)
      ? { host, shape: 'host-port', port: hostPort[2], path: '/', under }
      : undefined;
  }
  const host = (bare.split('/')[0] ?? '').toLowerCase().replace(/\.$/, '');
  if (!DNS_NAME.test(host)) return undefined;
  if (host.includes('.')) return { host, shape: 'dns-name', path: '/', under };
  return under.address ? { host, shape: 'bare-name', path: '/', under } : undefined;
}

function pathOf(rest: string | undefined): string {
  if (!rest?.startsWith('/')) return '/';
  return rest.replace(/[?#].*$/, '');
}

/** The Service id a host name resolves to from `namespace`, if such a Service was read. */
export function resolveServiceHost(
  ctx: BuildContext,
  host: string,
  namespace: string,
  whole: boolean,
): string | undefined {
  return resolveServiceAddress(ctx, host, namespace, whole)?.service;
}

/**
 * Cluster DNS: `svc` (same namespace, only when `bare` single labels count), `svc.ns`,
 * `svc.ns.svc[.cluster-domain]`, and a pod's own name under its (headless) Service, as a
 * StatefulSet's pods are reached: `pod-0.svc` (same namespace), `pod-0.svc.ns`,
 * `pod-0.svc.ns.svc[.cluster-domain]`. Only a Service that was read resolves.
 */
export function resolveServiceAddress(
  ctx: BuildContext,
  host: string,
  namespace: string,
  bare: boolean,
): { service: string; pod?: string } | undefined {
  if (!DNS_NAME.test(host)) return undefined;
  const labels = host.split('.');
  const [first, second, third, fourth] = labels;
  if (!first) return undefined;
  const read = (ns: string, name: string) => {
    const id = nodeId('', 'Service', ns, name);
    return ctx.index.has(id) ? id : undefined;
  };
  if (labels.length === 1) {
    const service = bare ? read(namespace, first) : undefined;
    return service ? { service } : undefined;
  }
  if (!second) return undefined;
  if (labels.length === 2 || third === 'svc') {
    const service = read(second, first);
    if (service) return { service };
  }
  if (labels.length === 2) {
    const service = read(namespace, second);
    return service ? { service, pod: first } : undefined;
  }
  if (third && (labels.length === 3 || fourth === 'svc')) {
    const service = read(third, second);
    if (service) return { service, pod: first };
  }
  return undefined;
}

/** The Service is `from` itself or selects `from`'s pods: an app naming its own address. */
function isOwnService(ctx: BuildContext, service: string, from: string): boolean {
  if (service === from) return true;
  const selector = ctx.index.get(service)?.stringMap('spec.selector') ?? {};
  const self = ctx.index.get(from);
  if (!self || Object.keys(selector).length === 0) return false;
  return [
    'metadata.labels',
    'spec.template.metadata.labels',
    'spec.jobTemplate.spec.template.metadata.labels',
  ].some((path) => {
    const labels = self.stringMap(path);
    return Object.entries(selector).every(([k, v]) => labels[k] === v);
  });
}

function describe(found: AddressInValue, pod: string | undefined): string {
  if (pod) return `pod DNS name ${found.host}`;
  switch (found.shape) {
    case 'url':
      return `URL to ${found.host}`;
    case 'host-port':
      return `host:port ${found.host}:${found.port ?? ''}`;
    case 'dns-name':
      return `DNS name ${found.host}`;
    case 'bare-name':
      return `host ${found.host}; the name ${found.under.name ?? ''} says it is an address`;
  }
}

/**
 * Adds an edge from `from` to every Service `value` names: `references`, or `signs-in-with`
 * when `name` is sign-in configuration (an OIDC issuer, an OAuth URL). A value is judged under
 * its variable, key or flag `name` (docs/blast.md, "What counts as a dependency"). A URL or DNS
 * name that is no Service is looked up among the hosts Ingresses, IngressRoutes and HTTPRoutes
 * serve when `name` says it is an address or sign-in (`context`: the keys above `name`, see
 * judgeName). `what` says where the value is, by name:
 * values are never quoted (they may be credentials), only the host they name.
 */
export function linkServiceReferences(
  ctx: BuildContext,
  reader: FieldReader,
  from: string,
  namespace: string,
  value: string,
  field: string,
  what: string,
  name?: string,
  context?: string,
): void {
  for (const found of addressesIn(value, judgeName(name, context))) {
    const type: EdgeType = found.under.signIn ? 'signs-in-with' : 'references';
    const resolved = resolveServiceAddress(ctx, found.host, namespace, true);
    if (resolved) {
      if (isOwnService(ctx, resolved.service, from)) continue;
      const verb = type === 'signs-in-with' ? 'signs in through' : 'names';
      ctx.edge({
        from,
        to: resolved.service,
        type,
        source: reader,
        field,
        why: `${what} ${verb} Service ${qualifiedName(resolved.service)} (${describe(found, resolved.pod)})`,
      });
      continue;
    }
    if (found.shape === 'bare-name') continue;
    if (!found.under.address && !found.under.signIn) continue;
    for (const routed of servicesForHost(ctx, found.host, found.path)) {
      if (isOwnService(ctx, routed.service, from)) continue;
      const verb = type === 'signs-in-with' ? 'signs in at' : 'names';
      ctx.edge({
        from,
        to: routed.service,
        type,
        source: reader,
        field,
        why: `${what} ${verb} ${describe(found, undefined)}, which ${routed.route} routes to Service ${qualifiedName(routed.service)}`,
      });
    }
  }
}
