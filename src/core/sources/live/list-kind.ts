import type { KubeObject, ObjectMeta, Skipped, SourceItem, Unreadable } from '../../model.ts';
import { nestsTooDeep, tooDeepDetail } from '../nesting.ts';
import { listPageOf } from './api-shapes.ts';
import { type Fetch, groupVersionPath, type ServedResource } from './discovery.ts';
import { describeOutcome, outcomeOf, unauthorizedError } from './outcome.ts';

export type KindListing = { items: SourceItem[]; skipped: Skipped[] } | { unreadable: Unreadable };

export interface ListOptions {
  pageSize: number;
  /** How many times a list may start over after its continue token expired (410 Gone). */
  maxRelists: number;
}

/** `/api/v1/pods?limit=500`, then `…&continue=<token>`: one cluster-wide list, never per namespace. */
export function listPath(resource: ServedResource, pageSize: number, continueToken?: string): string {
  const base = `${groupVersionPath(resource.group, resource.version)}/${resource.plural}?limit=${pageSize}`;
  return continueToken === undefined ? base : `${base}&continue=${encodeURIComponent(continueToken)}`;
}

/** Where an object lives in the API, for messages: `/api/v1/namespaces/<ns>/pods/<name>`. */
export function objectPath(resource: ServedResource, namespace: string | undefined, name: string): string {
  const base = groupVersionPath(resource.group, resource.version);
  const scope = resource.namespaced && namespace ? `/namespaces/${namespace}` : '';
  return `${base}${scope}/${resource.plural}/${name}`;
}

/**
 * Lists one kind cluster-wide, following `metadata.continue`. A 410 on a continue token means
 * the snapshot the pages belong to was compacted away: the pages read so far are dropped and the
 * list starts over, so the result is one consistent snapshot with no duplicates.
 */
export async function listKind(
  fetch: Fetch,
  resource: ServedResource,
  options: ListOptions,
): Promise<KindListing> {
  const kind = { group: resource.group, kind: resource.kind };
  for (let relist = 0; relist <= options.maxRelists; relist++) {
    const items: SourceItem[] = [];
    const skipped: Skipped[] = [];
    let token: string | undefined;
    let expired = false;
    do {
      const path = listPath(resource, options.pageSize, token);
      const fetched = await fetch(path);
      const outcome = outcomeOf(fetched);
      if (outcome === 'unauthorized') throw unauthorizedError(path, fetched);
      if (outcome === 'expired' && token !== undefined) {
        expired = true;
        break;
      }
      if (outcome !== 'ok' || !('response' in fetched)) {
        const reason = outcome === 'forbidden' ? 'forbidden' : 'error';
        return { unreadable: { ...kind, reason, detail: describeOutcome(path, fetched) } };
      }
      const page = listPageOf(fetched.response.body);
      if (!page)
        return {
          unreadable: { ...kind, reason: 'error', detail: `GET ${path}: the response is not a list` },
        };
      page.items.forEach((item, index) => {
        // JSON.parse does not recurse, but every later step that walks an object would.
        const read = nestsTooDeep(item) ? undefined : sourceItemOf(resource, item);
        if (read) items.push(read);
        else if (nestsTooDeep(item))
          skipped.push({ where: path, reason: `item ${index} is ${tooDeepDetail()}` });
        else skipped.push({ where: path, reason: `item ${index} is not an object with metadata.name` });
      });
      token = page.continueToken;
    } while (token !== undefined);
    if (!expired) return { items, skipped };
  }
  const detail = `the continue token expired ${options.maxRelists + 1} times; gave up listing ${resource.plural}`;
  return { unreadable: { ...kind, reason: 'error', detail } };
}

/** List items usually lack `kind`/`apiVersion` (the list carries them): fill them in. */
function sourceItemOf(resource: ServedResource, item: unknown): SourceItem | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { apiVersion, kind, metadata, ...rest } = item as Record<string, unknown>;
  if (typeof metadata !== 'object' || metadata === null || Array.isArray(metadata)) return undefined;
  const meta = withoutManagedFields(metadata as ObjectMeta);
  if (typeof meta.name !== 'string' || meta.name === '') return undefined;
  const servedVersion = resource.group === '' ? resource.version : `${resource.group}/${resource.version}`;
  const object: KubeObject = {
    apiVersion: typeof apiVersion === 'string' ? apiVersion : servedVersion,
    kind: typeof kind === 'string' ? kind : resource.kind,
    metadata: meta,
    ...rest,
  };
  const namespace = typeof meta.namespace === 'string' ? meta.namespace : undefined;
  return { object, from: { apiPath: objectPath(resource, namespace, meta.name) } };
}

/**
 * `metadata.managedFields` (server-side apply's record of which manager set which field) is a
 * third or more of a real cluster's objects (38% of the bytes of the kinds tierbook reads in
 * replicatedhq/troubleshoot's k3s bundle), and nothing in tierbook reads it. Dropped as each
 * page is turned into objects, it is garbage before the next page arrives instead of held
 * through the graph and the analyses. Copied without it, never `delete`d: V8 would turn the
 * object into a slow dictionary.
 */
function withoutManagedFields(meta: ObjectMeta): ObjectMeta {
  if (!('managedFields' in meta)) return meta;
  const { managedFields: _dropped, ...kept } = meta;
  return kept;
}
