import path from 'node:path';
import { InputError } from '../core/errors.ts';
import type { Skipped } from '../core/model.ts';
import {
  fluxVariables,
  type KindHint,
  KUSTOMIZE_FILE_NAMES,
  type KustomizeEntries,
  kustomizeEntries,
  type ParsedFile,
  substituteVariables,
  substitutionDisabled,
} from '../core/sources/offline/index.ts';
import { FluxScopes } from './flux-scope.ts';

/**
 * The GitOps side of reading files (docs/offline.md): kustomize patches passed over, Flux
 * post-build variables applied to the files each Kustomization reaches. Works on the files
 * `read-offline.ts` has read, in place.
 */

/**
 * One file's outcome: its objects, or the `InputError` that stopped it. The text is kept only
 * where it is needed later: a file that failed (to find the kinds it names), one with `${`
 * (Flux variables) or a kustomization file (Flux scopes).
 */
export interface FileRead {
  file: { path: string; hint: KindHint | undefined };
  parsed?: ParsedFile;
  error?: unknown;
  text?: string;
}

/** A kustomization file, by name: what Flux scopes and patch detection read. */
export function isKustomizeFile(file: string): boolean {
  return KUSTOMIZE_FILE_NAMES.includes(path.basename(file));
}

/**
 * Flux substitutes variables into what a Kustomization applies: each file with a `${…}` is read
 * again once per Kustomization that reaches it, with that Kustomization's variables over the
 * cluster-wide ones; a file no Kustomization reaches gets the cluster-wide ones alone.
 */
export function applyFluxVariables(
  reads: FileRead[],
  kustomize: ReadonlyMap<string, KustomizeEntries>,
  parseText: (text: string, file: FileRead['file']) => ParsedFile,
): {
  warnings: Skipped[];
  unresolvedByFile: Map<string, Set<string>>;
} {
  const unresolvedByFile = new Map<string, Set<string>>();
  const items = reads.flatMap((read) => read.parsed?.items ?? []);
  const { kustomizations, clusterVars, warnings } = fluxVariables(items);
  if (kustomizations.length === 0) return { warnings, unresolvedByFile };
  const builds = new Map([...kustomize].map(([file, entries]) => [file, entries.builds]));
  const scopes = new FluxScopes(
    reads.map((read) => read.file.path),
    builds,
  );
  const varsOf = new Map<string, Map<string, string>[]>();
  for (const kustomization of kustomizations) {
    const scope = scopes.scopeOf(kustomization);
    if (!scope) {
      warnings.push({
        where: kustomization.item.from.file ?? '',
        reason: `Kustomization ${kustomization.item.object.metadata.name ?? ''}: field spec.path: ${kustomization.path} is not in the input; only cluster-wide variables are applied to its files`,
      });
      continue;
    }
    const vars = new Map([...clusterVars, ...kustomization.vars]);
    for (const file of scope) varsOf.set(file, [...(varsOf.get(file) ?? []), vars]);
  }
  for (const read of reads) {
    if (read.text === undefined || !read.text.includes('${')) continue;
    const sets = varsOf.get(read.file.path) ?? (clusterVars.size > 0 ? [clusterVars] : []);
    if (sets.length === 0) continue;
    const unresolved = new Set<string>();
    const variants: ParsedFile[] = [];
    let failure: unknown;
    for (const vars of sets) {
      const substituted = substituteVariables(read.text, vars);
      for (const name of substituted.unresolved) unresolved.add(name);
      try {
        variants.push(parseText(substituted.text, read.file));
      } catch (error) {
        if (!(error instanceof InputError)) throw error;
        failure ??= error;
      }
    }
    unresolvedByFile.set(read.file.path, unresolved);
    if (failure !== undefined) {
      read.error = failure;
      delete read.parsed;
      continue;
    }
    // An object that opts out is applied as written: its unsubstituted copy, same file and line.
    const asWritten = new Map((read.parsed?.items ?? []).map((item) => [item.from.line, item]));
    read.parsed = {
      items: variants.flatMap((variant) =>
        variant.items.map((item) =>
          substitutionDisabled(item) ? (asWritten.get(item.from.line) ?? item) : item,
        ),
      ),
      skipped: uniqueSkipped(variants.flatMap((variant) => variant.skipped)),
    };
    delete read.error;
  }
  return { warnings, unresolvedByFile };
}

/** Every kustomization file of the input, with what it builds and patches with. */
export function kustomizeFiles(reads: readonly FileRead[]): Map<string, KustomizeEntries> {
  const found = new Map<string, KustomizeEntries>();
  for (const read of reads) {
    if (read.text !== undefined && isKustomizeFile(read.file.path))
      found.set(read.file.path, kustomizeEntries(read.text, read.file.path));
  }
  return found;
}

/**
 * A kustomize patch is part of an object, not an object: read on its own it would be a second,
 * partial copy of the object it patches (and could win over the full one). Its objects are
 * passed over, each file one skipped entry naming the kustomization that applies it.
 */
export function skipPatches(reads: FileRead[], kustomize: ReadonlyMap<string, KustomizeEntries>): void {
  const patchOf = new Map<string, string>();
  for (const [file, entries] of kustomize) {
    for (const patch of entries.patches) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(patch)) continue;
      patchOf.set(path.resolve(path.dirname(file), patch), file);
    }
  }
  for (const read of reads) {
    const by = patchOf.get(path.resolve(read.file.path));
    if (!by) continue;
    read.parsed = {
      items: [],
      skipped: [{ where: read.file.path, reason: `a kustomize patch applied by ${by}, not an object` }],
    };
    delete read.error;
    delete read.text;
  }
}

function uniqueSkipped(skipped: readonly Skipped[]): Skipped[] {
  const seen = new Set<string>();
  return skipped.filter((entry) => {
    const key = `${entry.where}\0${entry.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
