import { ClusterReadError } from '../../errors.ts';
import type { Unreadable } from '../../model.ts';
import type { ResourceType } from '../resource-type.ts';
import {
  type ApiResourceEntry,
  apiResourcesOf,
  coreVersionsOf,
  type ServedGroup,
  servedGroupsOf,
} from './api-shapes.ts';
import { describeOutcome, outcomeOf, unauthorizedError } from './outcome.ts';
import { mapBounded } from './pool.ts';
import type { Fetched } from './retry.ts';

/** A wanted kind as this server serves it. */
export interface ServedResource {
  group: string;
  version: string;
  kind: string;
  plural: string;
  namespaced: boolean;
}

export interface Discovery {
  served: ServedResource[];
  /** Wanted kinds whose group is served but whose discovery document could not be read. */
  unreadable: Unreadable[];
}

export type Fetch = (path: string) => Promise<Fetched>;

/** `/api/v1` for the core group, `/apis/<group>/<version>` for the rest. */
export function groupVersionPath(group: string, version: string): string {
  return group === '' ? `/api/${version}` : `/apis/${group}/${version}`;
}

/**
 * Learns which wanted kinds are served, at which version, and whether namespaced. A group that
 * is not served (a CRD not installed) is simply absent: not an error, not "unreadable".
 */
export async function discover(
  fetch: Fetch,
  wanted: readonly ResourceType[],
  concurrency: number,
): Promise<Discovery> {
  const coreVersions = coreVersionsOf(await fetchRoot(fetch, '/api'));
  if (!coreVersions) throw notKubernetes('/api', 'APIVersions');
  const groups = servedGroupsOf(await fetchRoot(fetch, '/apis'));
  if (!groups) throw notKubernetes('/apis', 'APIGroupList');
  const core: ServedGroup = { name: '', versions: coreVersions, preferredVersion: coreVersions[0] };

  const wantedGroups = [...new Set(wanted.map((type) => type.group))];
  const servedGroups = wantedGroups.flatMap((name) => {
    const group = name === '' ? core : groups.find((g) => g.name === name);
    return group && group.versions.length > 0 ? [group] : [];
  });
  const perGroup = await mapBounded(servedGroups, concurrency, (group) =>
    discoverGroup(
      fetch,
      group,
      wanted.filter((type) => type.group === group.name),
    ),
  );
  return { served: perGroup.flatMap((d) => d.served), unreadable: perGroup.flatMap((d) => d.unreadable) };
}

/** `/api` and `/apis` must answer: without them nothing can be read, so the run stops (exit 3). */
async function fetchRoot(fetch: Fetch, path: string): Promise<unknown> {
  const fetched = await fetch(path);
  const outcome = outcomeOf(fetched);
  if (outcome === 'ok' && 'response' in fetched) return fetched.response.body;
  if (outcome === 'unauthorized') throw unauthorizedError(path, fetched);
  throw new ClusterReadError(`cannot read the Kubernetes API discovery: ${describeOutcome(path, fetched)}`);
}

function notKubernetes(path: string, expected: string): ClusterReadError {
  return new ClusterReadError(
    `GET ${path} did not return an ${expected}: is the server a Kubernetes API server?`,
  );
}

/**
 * Tries the preferred version first, then the other served versions in the server's order,
 * until every wanted plural of the group is found: an operator may serve an older kind only
 * at an older version.
 */
async function discoverGroup(
  fetch: Fetch,
  group: ServedGroup,
  wanted: readonly ResourceType[],
): Promise<Discovery> {
  const order = orderedVersions(group);
  const served: ServedResource[] = [];
  const unreadable: Unreadable[] = [];
  let missing = [...wanted];
  for (const version of order) {
    if (missing.length === 0) break;
    const path = groupVersionPath(group.name, version);
    const fetched = await fetch(path);
    const outcome = outcomeOf(fetched);
    if (outcome === 'unauthorized') throw unauthorizedError(path, fetched);
    const resources =
      'response' in fetched && outcome === 'ok' ? apiResourcesOf(fetched.response.body) : undefined;
    if (!resources) {
      // Only the kinds still missing are affected; versions already read stay good.
      const reason = outcome === 'forbidden' ? 'forbidden' : 'error';
      const detail =
        outcome === 'ok' ? `GET ${path}: not an APIResourceList` : describeOutcome(path, fetched);
      unreadable.push(...missing.map((type) => ({ ...kindOf(type), reason, detail }) satisfies Unreadable));
      break;
    }
    for (const type of missing) {
      const entry = listable(resources, type.plural);
      if (entry) served.push({ ...kindOf(type), version, plural: type.plural, namespaced: entry.namespaced });
    }
    missing = missing.filter((type) => !served.some((s) => s.plural === type.plural));
  }
  return { served, unreadable };
}

function orderedVersions(group: ServedGroup): string[] {
  const preferred = group.preferredVersion;
  if (preferred === undefined || !group.versions.includes(preferred)) return group.versions;
  return [preferred, ...group.versions.filter((v) => v !== preferred)];
}

/** The plural itself (not a `plural/status` subresource) with the `list` verb. */
function listable(resources: readonly ApiResourceEntry[], plural: string): ApiResourceEntry | undefined {
  return resources.find((r) => r.name === plural && r.verbs.includes('list'));
}

function kindOf(type: ResourceType): { group: string; kind: string } {
  return { group: type.group, kind: type.kind };
}
