/**
 * Narrowing of the few API response bodies the live source reads (APIVersions, APIGroupList,
 * APIResourceList, `*List`, Status). Each returns `undefined` when the body is not that shape,
 * so a proxy's HTML error page or a truncated body is reported, never half-trusted.
 */

export interface ServedGroup {
  name: string;
  /** Served versions in the server's priority order. */
  versions: string[];
  preferredVersion: string | undefined;
}

export interface ApiResourceEntry {
  /** The plural, or `plural/subresource` for subresources. */
  name: string;
  kind: string;
  namespaced: boolean;
  verbs: string[];
}

export interface ListPage {
  items: unknown[];
  /** Empty or absent when this was the last page. */
  continueToken: string | undefined;
}

type Fields = Record<string, unknown>;

function isFields(value: unknown): value is Fields {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function strings(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.every((item) => typeof item === 'string') ? value : undefined;
}

/** `GET /api` → `{kind: "APIVersions", versions: ["v1"]}`. */
export function coreVersionsOf(body: unknown): string[] | undefined {
  return isFields(body) ? strings(body.versions) : undefined;
}

/** `GET /apis` → `{kind: "APIGroupList", groups: [{name, versions: [{version}], preferredVersion}]}`. */
export function servedGroupsOf(body: unknown): ServedGroup[] | undefined {
  if (!isFields(body) || !Array.isArray(body.groups)) return undefined;
  const groups: ServedGroup[] = [];
  for (const group of body.groups) {
    if (!isFields(group) || typeof group.name !== 'string' || !Array.isArray(group.versions)) continue;
    const versions = group.versions.flatMap((v) =>
      isFields(v) && typeof v.version === 'string' ? [v.version] : [],
    );
    const preferred = isFields(group.preferredVersion) ? group.preferredVersion.version : undefined;
    groups.push({
      name: group.name,
      versions,
      preferredVersion: typeof preferred === 'string' ? preferred : undefined,
    });
  }
  return groups;
}

/** `GET /api/v1`, `GET /apis/<group>/<version>` → `{kind: "APIResourceList", resources: [...]}`. */
export function apiResourcesOf(body: unknown): ApiResourceEntry[] | undefined {
  if (!isFields(body) || !Array.isArray(body.resources)) return undefined;
  return body.resources.flatMap((resource) => {
    if (!isFields(resource) || typeof resource.name !== 'string' || typeof resource.kind !== 'string')
      return [];
    return [
      {
        name: resource.name,
        kind: resource.kind,
        namespaced: resource.namespaced === true,
        verbs: strings(resource.verbs) ?? [],
      },
    ];
  });
}

/** A page of `GET .../<plural>?limit=N`: `{kind: "PodList", metadata: {continue}, items: [...]}`. */
export function listPageOf(body: unknown): ListPage | undefined {
  if (!isFields(body) || !Array.isArray(body.items)) return undefined;
  const token = isFields(body.metadata) ? body.metadata.continue : undefined;
  return { items: body.items, continueToken: typeof token === 'string' && token !== '' ? token : undefined };
}

/** The human message of a `kind: Status` error body, or a short excerpt of a non-Status body. */
export function statusMessageOf(body: unknown): string | undefined {
  if (isFields(body) && typeof body.message === 'string') return body.message;
  if (typeof body === 'string' && body.trim() !== '') return body.trim().slice(0, 200);
  return undefined;
}
