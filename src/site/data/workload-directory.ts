import { safeSegment } from '../../core/file-names.ts';
import type { WorkloadIndexRow } from './view-rows.ts';

/**
 * The workloads index lists every workload up to INDEX_ROWS (a few hundred bytes a row); past
 * that it would grow with the cluster (5,000 workloads made it 1.3 MB), so it shows one row per
 * namespace with its count in each tier, and each namespace has a page of its own
 * (`workloads/namespace/<ns>/`, then `…/2/`, at most NAMESPACE_ROWS a page). Every workload
 * stays one link from the index; none is left out.
 */
export const INDEX_ROWS = 1_000;
export const NAMESPACE_ROWS = 500;

/** The tiers a row counts, strictest first; null is "not known". */
export const DIRECTORY_TIERS: readonly (number | null)[] = [0, 1, 2, 3, 4, null];

export interface NamespaceRow {
  namespace: string;
  /** The namespace's first page, from the site root. */
  url: string;
  total: number;
  /** Workloads per tier, in DIRECTORY_TIERS order. */
  tiers: number[];
}

export interface NamespacePage {
  /** `team-a` or `team-a/2`: the route's parameter. */
  slug: string;
  url: string;
  namespace: string;
  /** 1-based, of `pages.length`. */
  number: number;
  /** Site-root URLs of every page of this namespace. */
  pages: string[];
  /** How many workloads the namespace has, on every page. */
  total: number;
  /** This page's rows, in the index's order (strictest tier first). */
  rows: WorkloadIndexRow[];
}

export interface WorkloadDirectory {
  namespaces: NamespaceRow[];
  pages: NamespacePage[];
}

/** Null when the index can list every workload itself. Rows come in the index's order. */
export function workloadDirectory(rows: readonly WorkloadIndexRow[]): WorkloadDirectory | null {
  if (rows.length <= INDEX_ROWS) return null;
  const byNamespace = new Map<string, WorkloadIndexRow[]>();
  for (const row of rows) byNamespace.set(row.namespace, [...(byNamespace.get(row.namespace) ?? []), row]);
  const namespaces: NamespaceRow[] = [];
  const pages: NamespacePage[] = [];
  const used = new Set<string>();
  for (const [namespace, list] of [...byNamespace].sort(([a], [b]) => a.localeCompare(b))) {
    // Two namespaces that escape to the same segment (hostile input) still get pages of their own.
    let base = safeSegment(namespace);
    for (let n = 2; used.has(base); n++) base = `${safeSegment(namespace)}~${n}`;
    used.add(base);
    const count = Math.ceil(list.length / NAMESPACE_ROWS);
    const slugs = Array.from({ length: count }, (_, i) => (i === 0 ? base : `${base}/${i + 1}`));
    const urls = slugs.map((s) => `workloads/namespace/${s}/`);
    namespaces.push({
      namespace,
      url: urls[0] as string,
      total: list.length,
      tiers: DIRECTORY_TIERS.map((t) => list.filter((r) => r.tier === t).length),
    });
    slugs.forEach((slug, i) => {
      pages.push({
        slug,
        url: urls[i] as string,
        namespace,
        number: i + 1,
        pages: urls,
        total: list.length,
        rows: list.slice(i * NAMESPACE_ROWS, (i + 1) * NAMESPACE_ROWS),
      });
    });
  }
  return { namespaces, pages };
}
