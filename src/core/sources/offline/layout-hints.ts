import type { ResourceType } from '../resource-type.ts';

/**
 * What a file's place in a known dump layout says about the objects in it, for documents that
 * omit `kind`/`apiVersion` (support bundles write CRDs that way). A hint never overrides what an
 * object says about itself.
 */
export interface KindHint {
  kind: string;
  /** Absent when the layout names the group but not the version. */
  apiVersion?: string;
}

export type DumpLayout = 'must-gather' | 'support-bundle';

/** A directory's immediate entries, as the file-system layer lists them. */
export interface DirectoryListing {
  dirs: readonly string[];
  files: readonly string[];
}

/**
 * How to recognise a dump's root directory. `cluster-scoped-resources/` is specific enough to
 * must-gather and `oc adm inspect` on its own; `namespaces/` needs must-gather's marker files.
 */
const LAYOUT_MARKERS: readonly { layout: DumpLayout; matches: (listing: DirectoryListing) => boolean }[] = [
  {
    layout: 'must-gather',
    matches: ({ dirs, files }) =>
      dirs.includes('cluster-scoped-resources') ||
      (dirs.includes('namespaces') && (files.includes('timestamp') || files.includes('version'))),
  },
  {
    layout: 'support-bundle',
    matches: ({ dirs, files }) =>
      dirs.includes('cluster-resources') && (files.includes('version.yaml') || dirs.includes('cluster-info')),
  },
];

export function detectDumpLayout(listing: DirectoryListing): DumpLayout | undefined {
  return LAYOUT_MARKERS.find((marker) => marker.matches(listing))?.layout;
}

/** Kinds dumps hold that tierbook's resource table does not list, so hints can still name them. */
const EXTRA_TYPES: readonly { group: string; kind: string; plural: string }[] = [
  { group: 'apiextensions.k8s.io', kind: 'CustomResourceDefinition', plural: 'customresourcedefinitions' },
  // Named so that kindless Secret documents are recognised, and dropped, rather than rejected.
  { group: '', kind: 'Secret', plural: 'secrets' },
];

/** Groups whose version is certain enough to fill in a missing `apiVersion`. */
const STABLE_VERSIONS: Readonly<Record<string, string>> = {
  '': 'v1',
  apps: 'v1',
  batch: 'v1',
  'networking.k8s.io': 'v1',
  'storage.k8s.io': 'v1',
  'snapshot.storage.k8s.io': 'v1',
  'apiextensions.k8s.io': 'v1',
};

/** `core` is how must-gather spells the core API group in its paths. */
function hintFor(
  reads: readonly ResourceType[],
  group: string | undefined,
  plural: string | undefined,
): KindHint | undefined {
  const apiGroup = group === 'core' ? '' : (group ?? '');
  const type = [...reads, ...EXTRA_TYPES].find((t) => t.group === apiGroup && t.plural === plural);
  if (!type) return undefined;
  const version = STABLE_VERSIONS[apiGroup];
  if (version === undefined) return { kind: type.kind };
  return { kind: type.kind, apiVersion: apiGroup ? `${apiGroup}/${version}` : version };
}

const YAML = String.raw`\.ya?ml`;
const ANY = String.raw`\.(?:ya?ml|json)`;

/** Path patterns, relative to the dump's root with `/` separators; the first match wins. */
const HINT_PATTERNS: readonly {
  layout: DumpLayout;
  pattern: RegExp;
  hint: (match: RegExpExecArray, reads: readonly ResourceType[]) => KindHint | undefined;
}[] = [
  {
    layout: 'support-bundle',
    pattern: new RegExp(`^cluster-resources/custom-resource-definitions${ANY}$`),
    hint: (_, reads) => hintFor(reads, 'apiextensions.k8s.io', 'customresourcedefinitions'),
  },
  {
    // custom-resources/<plural>.<group>/<namespace>.yaml
    layout: 'support-bundle',
    pattern: new RegExp(`^cluster-resources/custom-resources/([^/.]+)\\.([^/]+)/[^/]+${ANY}$`),
    hint: (m, reads) => hintFor(reads, m[2], m[1]),
  },
  {
    layout: 'must-gather',
    pattern: new RegExp(`^namespaces/([^/]+)/\\1${YAML}$`),
    hint: (_, reads) => hintFor(reads, 'core', 'namespaces'),
  },
  {
    // namespaces/<ns>/pods/<pod>/<pod>.yaml, next to the pod's logs
    layout: 'must-gather',
    pattern: new RegExp(`^namespaces/[^/]+/pods/([^/]+)/\\1${YAML}$`),
    hint: (_, reads) => hintFor(reads, 'core', 'pods'),
  },
  {
    // namespaces/<ns>/<group>/<plural>.yaml (a List) or …/<plural>/<name>.yaml
    layout: 'must-gather',
    pattern: new RegExp(`^namespaces/[^/]+/([^/]+)/([^/]+?)(?:${YAML}|/[^/]+${YAML})$`),
    hint: (m, reads) => hintFor(reads, m[1], m[2]),
  },
  {
    layout: 'must-gather',
    pattern: new RegExp(`^cluster-scoped-resources/([^/]+)/([^/]+?)(?:${YAML}|/[^/]+${YAML})$`),
    hint: (m, reads) => hintFor(reads, m[1], m[2]),
  },
];

/** What a file's place in a dump says it holds, for the kinds tierbook `reads` (RESOURCE_TYPES). */
export function kindHintFor(
  layout: DumpLayout,
  relativePath: string,
  reads: readonly ResourceType[],
): KindHint | undefined {
  for (const rule of HINT_PATTERNS) {
    if (rule.layout !== layout) continue;
    const match = rule.pattern.exec(relativePath);
    if (match) return rule.hint(match, reads);
  }
  return undefined;
}
