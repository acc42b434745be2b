import { formatProvenance } from '../../errors.ts';
import type { Skipped, SourceItem } from '../../model.ts';
import { isMapping } from './describe-value.ts';
import { objectLabel } from './object-identity.ts';

const FLUX_GROUP = 'kustomize.toolkit.fluxcd.io/';

/** A Flux Kustomization with post-build variables, and where it says its manifests are. */
export interface FluxKustomization {
  item: SourceItem;
  /** `spec.path`, relative to its source's root ("./kubernetes/apps/x/app"). */
  path: string;
  /** `spec.components`, relative to `spec.path`. */
  components: string[];
  /** Its variables: `substituteFrom` ConfigMaps in order (later wins), then `substitute` (wins). */
  vars: Map<string, string>;
}

export interface FluxVariables {
  kustomizations: FluxKustomization[];
  /**
   * Variables of the ConfigMaps that Kustomizations name in `substituteFrom` (a repository's
   * `cluster-settings`), those with one value across all of them: applied where no
   * Kustomization's own value reaches, as Flux repositories patch `substituteFrom` into every
   * child Kustomization.
   */
  clusterVars: Map<string, string>;
  warnings: Skipped[];
}

/**
 * Reads the post-build variables of every Flux Kustomization in the input. ConfigMaps are looked
 * up in the Kustomization's namespace (any namespace when it has none, as in a repository where
 * the namespace is set at apply time); Secrets are never read, so their variables stay unresolved
 * and each such reference is a warning.
 */
export function fluxVariables(items: readonly SourceItem[]): FluxVariables {
  const configMaps = items.filter((i) => i.object.kind === 'ConfigMap' && i.object.apiVersion === 'v1');
  const kustomizations: FluxKustomization[] = [];
  const warnings: Skipped[] = [];
  const clusterValues = new Map<string, Set<string>>();
  for (const item of items) {
    const { object } = item;
    if (object.kind !== 'Kustomization' || !object.apiVersion.startsWith(FLUX_GROUP)) continue;
    const spec = isMapping(object.spec) ? object.spec : {};
    const postBuild = isMapping(spec.postBuild) ? spec.postBuild : undefined;
    if (!postBuild) continue;
    const where = formatProvenance(item.from);
    const label = objectLabel(object);
    const vars = new Map<string, string>();
    const from = Array.isArray(postBuild.substituteFrom) ? postBuild.substituteFrom : [];
    for (const [index, reference] of from.entries()) {
      if (!isMapping(reference)) continue;
      const kind = typeof reference.kind === 'string' ? reference.kind : '';
      const name = typeof reference.name === 'string' ? reference.name : '';
      const field = `spec.postBuild.substituteFrom[${index}]`;
      if (kind !== 'ConfigMap') {
        warnings.push({
          where,
          reason: `${label}: field ${field}: ${kind || 'an object'} ${name} is never read (tierbook reads no Secrets): its variables stay unresolved`,
        });
        continue;
      }
      const found = findConfigMap(configMaps, name, object.metadata.namespace);
      if (!found) {
        if (reference.optional !== true)
          warnings.push({
            where,
            reason: `${label}: field ${field}: ConfigMap ${name} is not in the input: its variables stay unresolved`,
          });
        continue;
      }
      for (const [key, value] of Object.entries(found)) {
        vars.set(key, value);
        const seen = clusterValues.get(key) ?? new Set<string>();
        seen.add(value);
        clusterValues.set(key, seen);
      }
    }
    const inline = isMapping(postBuild.substitute) ? postBuild.substitute : {};
    for (const [key, value] of Object.entries(inline)) {
      if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
        vars.set(key, String(value));
    }
    kustomizations.push({
      item,
      path: typeof spec.path === 'string' ? spec.path : '.',
      components: Array.isArray(spec.components)
        ? spec.components.filter((c): c is string => typeof c === 'string')
        : [],
      vars,
    });
  }
  const clusterVars = new Map<string, string>();
  for (const [key, values] of clusterValues) {
    const [only] = values;
    if (values.size === 1 && only !== undefined) clusterVars.set(key, only);
  }
  return { kustomizations, clusterVars, warnings };
}

/** A ConfigMap's `data`, from the Kustomization's namespace, else the only one of that name. */
function findConfigMap(
  configMaps: readonly SourceItem[],
  name: string,
  namespace: string | undefined,
): Record<string, string> | undefined {
  const named = configMaps.filter((c) => c.object.metadata.name === name);
  const chosen =
    named.find((c) => namespace !== undefined && c.object.metadata.namespace === namespace) ??
    (named.length === 1 ? named[0] : undefined);
  if (!chosen) return undefined;
  const data = isMapping(chosen.object.data) ? chosen.object.data : {};
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(data)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      values[key] = String(value);
  }
  return values;
}
