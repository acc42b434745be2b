import { isMapping } from './describe-value.ts';
import { parseYamlDocuments } from './yaml-documents.ts';

/** The file names kustomize looks for in a folder. */
export const KUSTOMIZE_FILE_NAMES: readonly string[] = [
  'kustomization.yaml',
  'kustomization.yml',
  'Kustomization',
];

export interface KustomizeEntries {
  /** `resources` and `components`: what it builds (paths relative to its folder, or URLs). */
  builds: string[];
  /** Files it applies as patches (`patches[].path`, `patchesStrategicMerge`, `patchesJson6902[].path`). */
  patches: string[];
}

/**
 * What a kustomize `kustomization.yaml` (or a Component) builds and patches with. Such a file has
 * no `metadata.name`, so it is never an object of the inventory; Flux scoping reads it here. A
 * patch file is part of an object, not an object: it is not read as one. A file that does not
 * parse names nothing tierbook can follow.
 */
export function kustomizeEntries(text: string, file: string): KustomizeEntries {
  let documents: ReturnType<typeof parseYamlDocuments>;
  try {
    documents = parseYamlDocuments(text, file);
  } catch {
    return { builds: [], patches: [] };
  }
  const value = documents[0]?.value;
  if (!isMapping(value)) return { builds: [], patches: [] };
  const strings = (list: unknown) =>
    Array.isArray(list) ? list.filter((entry): entry is string => typeof entry === 'string') : [];
  const paths = (list: unknown) =>
    Array.isArray(list)
      ? list.flatMap((entry) => (isMapping(entry) && typeof entry.path === 'string' ? [entry.path] : []))
      : [];
  return {
    builds: [...strings(value.resources), ...strings(value.components)],
    patches: [
      ...paths(value.patches),
      ...strings(value.patchesStrategicMerge),
      ...paths(value.patchesJson6902),
    ],
  };
}
