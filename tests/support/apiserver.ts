/**
 * A local Kubernetes API server for tests: read-only, in memory, on 127.0.0.1 at a random port.
 * It speaks enough of the real API for tierbook and for kubectl 1.32: discovery, cluster-wide
 * and namespaced lists with `limit`/`continue` paging, single-object GETs, Status errors, bearer
 * tokens, optional TLS, and per-resource fault injection. Every request is logged.
 */
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import type { KubeObject } from '../../src/core/model.ts';
import { type Fault, type FaultAction, FaultCounters, faultFor } from './apiserver-faults.ts';
import { API_RESOURCES, type ApiResourceDef, resourceKey } from './apiserver-kinds.ts';
import { decodeContinue, encodeContinue, pageOf } from './apiserver-paging.ts';
import {
  apiGroup,
  apiGroupList,
  apiResourceList,
  apiVersions,
  notFound,
  status,
  versionInfo,
} from './apiserver-responses.ts';
import { buildStore, etcdKey, type Store, servedAs } from './apiserver-store.ts';

export type { Fault } from './apiserver-faults.ts';

export interface ApiServerOptions {
  objects: readonly KubeObject[];
  /** Faults by resource: `deployments.apps` (kubectl's `plural.group`), or just the plural. */
  faults?: Record<string, Fault>;
  /** CRD groups installed; by default every group some object belongs to. */
  crdGroups?: readonly string[];
  /** The discovery table; defaults to API_RESOURCES. */
  resources?: readonly ApiResourceDef[];
  /** When set, every request needs `Authorization: Bearer <token>`, else 401. */
  token?: string;
  /** Serve HTTPS with this PEM key and certificate. */
  tls?: { key: string; cert: string };
}

export interface RequestLogEntry {
  method: string;
  /** Path and query as received, e.g. `/api/v1/pods?limit=500`. */
  url: string;
  path: string;
  /** `resourceKey` of the resource addressed, for list and get requests. */
  resource?: string;
  verb?: 'list' | 'get';
  namespace?: string;
  status: number | 'reset' | 'hang' | 'drip' | 'endless';
  /** For hang, drip and endless: the client closed the connection (it gave up or was cut off). */
  closed?: boolean;
}

export interface ApiServer {
  url: string;
  requests: RequestLogEntry[];
  /** Connections accepted so far (TLS handshakes completed, for an HTTPS server). */
  connections: () => number;
  close(): Promise<void>;
}

type Reply =
  | { status: number; body: unknown; headers?: Record<string, string> }
  | { reset: true }
  | { stream: Exclude<FaultAction, { kind: 'reset' } | { kind: 'respond' }> };

interface Route {
  def: ApiResourceDef;
  namespace: string | undefined;
  name: string | undefined;
}

export async function startApiServer(options: ApiServerOptions): Promise<ApiServer> {
  const store = buildStore(options.objects, options.resources ?? API_RESOURCES, options.crdGroups);
  const counters = new FaultCounters();
  const requests: RequestLogEntry[] = [];
  let address = '';

  const handler = (req: http.IncomingMessage, res: http.ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://apiserver.invalid');
    const entry: RequestLogEntry = {
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      path: url.pathname,
      status: 0,
    };
    requests.push(entry);
    void answer(req, url, entry).then((reply) => {
      if ('reset' in reply) {
        entry.status = 'reset';
        req.socket.destroy();
        return;
      }
      if ('stream' in reply) {
        entry.status = reply.stream.kind;
        res.on('close', () => {
          entry.closed = true;
        });
        misbehave(reply.stream, res);
        return;
      }
      entry.status = reply.status;
      res.writeHead(reply.status, { 'Content-Type': 'application/json', ...reply.headers });
      res.end(JSON.stringify(reply.body));
    });
  };

  const answer = async (req: http.IncomingMessage, url: URL, entry: RequestLogEntry): Promise<Reply> => {
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      return { status: 401, body: status(401, 'Unauthorized', 'Unauthorized') };
    }
    if (req.method !== 'GET') {
      return { status: 405, body: status(405, 'MethodNotAllowed', 'this test server is read-only') };
    }
    const discovery = discoveryReply(store, url.pathname, address);
    if (discovery) return discovery;
    const route = routeOf(store, url.pathname);
    if (!route) return { status: 404, body: notFound() };
    const key = resourceKey(route.def);
    const verb = route.name === undefined ? 'list' : 'get';
    Object.assign(entry, { resource: key, verb, ...(route.namespace ? { namespace: route.namespace } : {}) });
    const fault = options.faults?.[key] ?? options.faults?.[route.def.plural] ?? {};
    if (fault.delayMs) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    const hasContinue = (url.searchParams.get('continue') ?? '') !== '';
    const at = { resourceKey: key, def: route.def, verb, namespace: route.namespace, hasContinue } as const;
    const action = faultFor(fault, counters, at);
    if (action?.kind === 'reset') return { reset: true };
    if (action?.kind === 'hang' || action?.kind === 'drip' || action?.kind === 'endless')
      return { stream: action };
    if (action) return action;
    return verb === 'list' ? listReply(store, route, url.searchParams) : getReply(store, route);
  };

  const server = options.tls ? https.createServer(options.tls, handler) : http.createServer(handler);
  let connections = 0;
  server.on(options.tls ? 'secureConnection' : 'connection', () => {
    connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  address = `127.0.0.1:${port}`;
  let closed: Promise<void> | undefined;
  return {
    url: `${options.tls ? 'https' : 'http'}://${address}`,
    requests,
    connections: () => connections,
    // Idempotent: a test may stop the server early and still register it for cleanup.
    close: () =>
      (closed ??= new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      })),
  };
}

/**
 * Hang: say nothing. Drip: a 200 and a list that grows by one byte per interval. Endless: a 200
 * and list items for as long as the client reads. Each stops when the connection closes.
 */
function misbehave(action: Extract<Reply, { stream: unknown }>['stream'], res: http.ServerResponse): void {
  if (action.kind === 'hang') return;
  res.writeHead(200, { 'Content-Type': 'application/json' });
  res.write('{"kind":"PodList","apiVersion":"v1","metadata":{},"items":[');
  let stopped = false;
  res.on('close', () => {
    stopped = true;
  });
  if (action.kind === 'drip') {
    const timer = setInterval(() => (stopped ? clearInterval(timer) : res.write(' ')), action.intervalMs);
    res.on('close', () => clearInterval(timer));
    return;
  }
  const chunk = '{"metadata":{"name":"flood","namespace":"default"}},'.repeat(1300);
  const pump = (): void => {
    while (!stopped && res.write(chunk)) {
      // keep writing until the socket's buffer is full
    }
    if (!stopped) res.once('drain', pump);
  };
  pump();
}

function discoveryReply(store: Store, path: string, address: string): Reply | undefined {
  const segments = path.split('/').filter(Boolean);
  const [root, group, version, ...rest] = segments;
  if (path === '/version') return { status: 200, body: versionInfo() };
  if (path === '/api') return { status: 200, body: apiVersions(address) };
  if (path === '/apis') return { status: 200, body: apiGroupList(store) };
  if (root === 'api' && segments.length === 2) return resourceListReply(store, '', group ?? '');
  if (root !== 'apis' || group === undefined || rest.length > 0) return undefined;
  if (version !== undefined) return resourceListReply(store, group, version);
  const versions = store.groups.get(group);
  return versions ? { status: 200, body: apiGroup(group, versions) } : { status: 404, body: notFound() };
}

function resourceListReply(store: Store, group: string, version: string): Reply {
  const defs = store.resources.get(group === '' ? version : `${group}/${version}`);
  if (!defs) return { status: 404, body: notFound() };
  return { status: 200, body: apiResourceList(group, version, defs) };
}

/** `<gv>/<plural>[/<name>]` or `<gv>/namespaces/<ns>/<plural>[/<name>]`. */
function routeOf(store: Store, path: string): Route | undefined {
  const segments = path.split('/').filter(Boolean).map(decodeURIComponent);
  const gvLength = segments[0] === 'api' ? 2 : segments[0] === 'apis' ? 3 : 0;
  if (gvLength === 0) return undefined;
  const gv = segments.slice(1, gvLength).join('/');
  const rest = segments.slice(gvLength);
  const namespaced = rest[0] === 'namespaces' && rest.length >= 3;
  const [plural, name] = namespaced ? rest.slice(2) : rest;
  if (rest.length > (namespaced ? 4 : 2)) return undefined;
  const def = store.resources.get(gv)?.find((d) => d.plural === plural);
  if (!def || (namespaced && !def.namespaced) || (!namespaced && name !== undefined && def.namespaced)) {
    return undefined;
  }
  return { def, namespace: namespaced ? rest[1] : undefined, name };
}

function listReply(store: Store, route: Route, query: URLSearchParams): Reply {
  const all = store.objects.get(resourceKey(route.def)) ?? [];
  const inScope = route.namespace ? all.filter((o) => o.metadata.namespace === route.namespace) : all;
  const token = query.get('continue') ?? '';
  const key = token ? decodeContinue(token) : undefined;
  if (token && !key) return { status: 400, body: status(400, 'BadRequest', 'continue key is not valid') };
  const limit = Number(query.get('limit') ?? '0');
  const rv = key?.rv ?? store.resourceVersion;
  const page = pageOf(inScope, Number.isInteger(limit) ? limit : 0, rv, key?.start);
  const metadata = {
    resourceVersion: String(rv),
    ...(page.next
      ? { continue: encodeContinue(page.next), remainingItemCount: page.remainingItemCount }
      : {}),
  };
  const apiVersion = route.def.group === '' ? route.def.version : `${route.def.group}/${route.def.version}`;
  const items = page.items.map((object) => servedAs(object, route.def, true));
  return { status: 200, body: { kind: `${route.def.kind}List`, apiVersion, metadata, items } };
}

function getReply(store: Store, route: Route): Reply {
  const wanted = route.namespace ? `${route.namespace}/${route.name}` : route.name;
  const object = store.objects.get(resourceKey(route.def))?.find((o) => etcdKey(o) === wanted);
  if (!object) {
    const message = `${route.def.plural} "${route.name}" not found`;
    return {
      status: 404,
      body: status(404, 'NotFound', message, { name: route.name, kind: route.def.plural }),
    };
  }
  return { status: 200, body: servedAs(object, route.def, false) };
}
