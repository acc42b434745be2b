import type { Analysis } from '../analysis/model.ts';

/**
 * The dependencies read the other way, made once per analysis: each workload → the apps that
 * need it (`all`), and those that sign in through it or sit behind its forward-auth (`auth`).
 * Each app once, in `analysis.dependencies` order. Runbook binding asks this of every workload
 * it binds to; scanning every app's dependencies each time was workloads × apps.
 */
interface Dependents {
  all: ReadonlyMap<string, readonly string[]>;
  auth: ReadonlyMap<string, readonly string[]>;
}

const cache = new WeakMap<Analysis, Dependents>();

/** The apps whose dependencies name `workload`. */
export function appsNeeding(analysis: Analysis, workload: string): readonly string[] {
  return dependentsOf(analysis).all.get(workload) ?? [];
}

/** The apps that sign in through `workload` or sit behind its forward-auth. */
export function appsSigningInThrough(analysis: Analysis, workload: string): readonly string[] {
  return dependentsOf(analysis).auth.get(workload) ?? [];
}

function dependentsOf(analysis: Analysis): Dependents {
  const cached = cache.get(analysis);
  if (cached) return cached;
  const all = new Map<string, string[]>();
  const auth = new Map<string, string[]>();
  for (const [app, deps] of analysis.dependencies) {
    for (const d of deps) {
      add(all, d.workload, app);
      if (d.via === 'sign-in' || d.via === 'forward-auth') add(auth, d.workload, app);
    }
  }
  const made = { all, auth };
  cache.set(analysis, made);
  return made;
}

function add(index: Map<string, string[]>, workload: string, app: string): void {
  const apps = index.get(workload);
  if (!apps) index.set(workload, [app]);
  // An app's dependencies come together: it is already last when it named this one before.
  else if (apps.at(-1) !== app) apps.push(app);
}
