import path from 'node:path';
import { compare } from '../core/order.ts';
import { type FluxKustomization, KUSTOMIZE_FILE_NAMES } from '../core/sources/offline/index.ts';

/** What a kustomize `kustomization.yaml` builds: its `resources` and `components`. */
type Builds = readonly string[];

/**
 * Which input files a Flux Kustomization applies, and so which files its variables reach.
 * `spec.path` is relative to the root of its source (the Git repository), which the input does
 * not name: the root is the nearest folder above the Kustomization's own file under which
 * `spec.path` exists among the input files. From there, as kustomize-controller builds it: a
 * folder with a `kustomization.yaml` holds what its `resources` and `components` list (followed
 * into other folders, remote URLs ignored); a folder without one holds every file under it.
 * `spec.components` are folders relative to `spec.path`. Returns undefined when `spec.path` is
 * not in the input: then only the cluster-wide variables reach its files.
 */
export class FluxScopes {
  private readonly files: string[];
  private readonly original = new Map<string, string>();
  private readonly kustomize = new Map<string, Builds>();

  /** `kustomize`: each kustomization file of the input (as given) with what it builds. */
  constructor(files: readonly string[], kustomize: ReadonlyMap<string, Builds>) {
    for (const file of files) this.original.set(path.resolve(file), file);
    this.files = [...this.original.keys()].sort(compare);
    for (const [file, entries] of kustomize) this.kustomize.set(path.resolve(file), entries);
  }

  /** The files (as given) a Kustomization applies; undefined when its `spec.path` is not in the input. */
  scopeOf(kustomization: FluxKustomization): Set<string> | undefined {
    const file = kustomization.item.from.file;
    if (!file) return undefined;
    const root = this.rootFor(path.dirname(path.resolve(file)), kustomization.path);
    if (root === undefined) return undefined;
    const base = path.resolve(root, kustomization.path);
    const found = new Set<string>();
    const visited = new Set<string>();
    this.collect(base, found, visited);
    for (const component of kustomization.components)
      this.collect(path.resolve(base, component), found, visited);
    return new Set([...found].map((f) => this.original.get(f) ?? f));
  }

  private rootFor(start: string, specPath: string): string | undefined {
    for (let dir = start; ; dir = path.dirname(dir)) {
      if (this.exists(path.resolve(dir, specPath))) return dir;
      if (path.dirname(dir) === dir) return undefined;
    }
  }

  private exists(target: string): boolean {
    return this.original.has(target) || this.under(target).length > 0;
  }

  /** The files under a folder: a range of the sorted list, found by binary search. */
  private under(dir: string): string[] {
    const prefix = dir.endsWith(path.sep) ? dir : `${dir}${path.sep}`;
    let low = 0;
    let high = this.files.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.files[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const found: string[] = [];
    for (let i = low; i < this.files.length && this.files[i]?.startsWith(prefix); i++)
      found.push(this.files[i] ?? '');
    return found;
  }

  private collect(target: string, found: Set<string>, visited: Set<string>): void {
    if (visited.has(target)) return;
    visited.add(target);
    if (this.original.has(target)) {
      found.add(target);
      const entries = this.kustomize.get(target);
      if (entries) this.follow(path.dirname(target), entries, found, visited);
      return;
    }
    const own = KUSTOMIZE_FILE_NAMES.map((name) => path.join(target, name)).find((f) =>
      this.kustomize.has(f),
    );
    if (!own) {
      for (const file of this.under(target)) found.add(file);
      return;
    }
    found.add(own);
    this.follow(target, this.kustomize.get(own) ?? [], found, visited);
  }

  private follow(dir: string, entries: readonly string[], found: Set<string>, visited: Set<string>): void {
    for (const entry of entries) {
      if (/^[a-z][a-z0-9+.-]*:\/\//i.test(entry) || entry.startsWith('github.com/')) continue;
      this.collect(path.resolve(dir, entry), found, visited);
    }
  }
}
