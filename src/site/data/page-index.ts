import { parseId } from '../../core/graph/ids.ts';
import type { Content } from './content-model.ts';
import type { Link } from './view-rows.ts';

/**
 * Which graph id has which page, title and tier. A CephCluster has both a workload and a
 * storage page; links go to the storage page, as in content/.
 */
export class PageIndex {
  readonly #pages = new Map<string, { title: string; url: string }>();
  readonly #tiers = new Map<string, number>();

  constructor(content: Content) {
    for (const w of content.workloads) {
      this.#pages.set(w.id, { title: w.title, url: w.url });
      this.#tiers.set(w.id, w.tier.tier);
    }
    for (const s of content.storage) this.#pages.set(s.id, { title: s.title, url: s.url });
    for (const r of content.runbooks) this.#pages.set(r.id, { title: r.title, url: r.url });
  }

  url(id: string): string | null {
    return this.#pages.get(id)?.url ?? null;
  }

  title(id: string): string {
    return this.#pages.get(id)?.title ?? fallbackTitle(id);
  }

  link(id: string, title?: string): Link {
    return { title: title ?? this.title(id), url: this.url(id) };
  }

  tier(workloadId: string): number | null {
    return this.#tiers.get(workloadId) ?? null;
  }
}

/** How an id without a page is named: `Kind namespace/name`. */
export function fallbackTitle(id: string): string {
  const { kind, namespace, name } = parseId(id);
  return `${kind} ${namespace ? `${namespace}/` : ''}${name}`.trim();
}
