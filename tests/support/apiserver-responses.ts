/**
 * Response bodies in the shapes kube-apiserver 1.32 returns: discovery documents and
 * `kind: Status` errors. kubectl parses these, so the field names and nesting matter.
 */
import type { ApiResourceDef } from './apiserver-kinds.ts';
import { groupVersionOf } from './apiserver-kinds.ts';
import type { Store } from './apiserver-store.ts';

const READ_WRITE_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];

export function versionInfo() {
  return {
    major: '1',
    minor: '32',
    gitVersion: 'v1.32.0',
    gitCommit: '70d3cc986aa8221cd1dfb1121852688902d3bf53',
    gitTreeState: 'clean',
    buildDate: '2024-12-11T17:59:15Z',
    goVersion: 'go1.23.3',
    compiler: 'gc',
    platform: 'linux/amd64',
  };
}

export function apiVersions(serverAddress: string) {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress }],
  };
}

function groupEntry(name: string, versions: readonly string[]) {
  const entries = versions.map((version) => ({ groupVersion: `${name}/${version}`, version }));
  return { name, versions: entries, preferredVersion: entries[0] };
}

export function apiGroupList(store: Store) {
  const groups = [...store.groups].filter(([name]) => name !== '');
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: groups.map(([name, versions]) => groupEntry(name, versions)),
  };
}

export function apiGroup(name: string, versions: readonly string[]) {
  return { kind: 'APIGroup', apiVersion: 'v1', ...groupEntry(name, versions) };
}

export function apiResourceList(group: string, version: string, defs: readonly ApiResourceDef[]) {
  const resources = defs.flatMap((def) => {
    const main = {
      name: def.plural,
      singularName: def.singular,
      namespaced: def.namespaced,
      kind: def.kind,
      verbs: READ_WRITE_VERBS,
      ...(def.shortNames ? { shortNames: def.shortNames } : {}),
      ...(def.builtin ? {} : { categories: ['all'] }),
      storageVersionHash: storageVersionHash(def),
    };
    const status = {
      name: `${def.plural}/status`,
      singularName: '',
      namespaced: def.namespaced,
      kind: def.kind,
    };
    return def.status ? [main, { ...status, verbs: ['get', 'patch', 'update'] }] : [main];
  });
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersionOf({ group, version }),
    resources,
  };
}

/** Real servers send an opaque 8-byte hash; any stable value per resource will do. */
function storageVersionHash(def: ApiResourceDef): string {
  return `${Buffer.from(`${def.group}/${def.plural}`).toString('base64').slice(0, 11)}=`;
}

export interface StatusBody {
  kind: 'Status';
  apiVersion: 'v1';
  metadata: Record<string, never>;
  status: 'Failure';
  message: string;
  reason: string;
  details?: Record<string, unknown>;
  code: number;
}

export function status(code: number, reason: string, message: string, details?: Record<string, unknown>) {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  } satisfies StatusBody;
}

export const notFound = () => status(404, 'NotFound', 'the server could not find the requested resource', {});

export const forbidden = (def: ApiResourceDef, verb: string, namespace?: string) =>
  status(
    403,
    'Forbidden',
    `${def.plural}${def.group ? `.${def.group}` : ''} is forbidden: User "system:serviceaccount:tierbook:reader" ` +
      `cannot ${verb} resource "${def.plural}" in API group "${def.group}" ` +
      (namespace ? `in the namespace "${namespace}"` : 'at the cluster scope'),
    { group: def.group, kind: def.plural },
  );

export const tooManyRequests = (seconds: number) =>
  status(429, 'TooManyRequests', 'Too many requests, please try again later.', {
    retryAfterSeconds: seconds,
  });

export const internalError = (code: number) =>
  status(code, 'InternalError', 'Internal error occurred: etcdserver: request timed out', {
    causes: [{ message: 'etcdserver: request timed out' }],
  });

export const expired = () =>
  status(
    410,
    'Expired',
    'The provided continue parameter is too old to display a consistent list result. You can start a new list ' +
      'without the continue parameter, or use the continue token in this response to retrieve the remainder of ' +
      'the results. Continuing with the provided token results in an inconsistent list - objects that were ' +
      'created, modified, or deleted between the time the first chunk was returned and now may show up in the list.',
  );
