import type { BlastVerdict, VerdictWorkload } from '../../core/render/blast-verdict.ts';
import type { FailureDomain, FindingEntry } from './content-model.ts';

// The rows the site's views share, each a page's entry with the URL of what it names: the
// modules that build one view (at-risk, device-view, finding-groups, page-index) and the whole
// site's model (site-model.ts) both use them, so they stand below both.

/** A link to a page; `url` is null when the inventory has no page for it. */
export interface Link {
  title: string;
  url: string | null;
}

export interface FindingRow extends FindingEntry {
  url: string | null;
}

export type VerdictRow = VerdictWorkload & { url: string | null };

export interface VerdictView extends BlastVerdict {
  lose: VerdictRow[];
  dark: VerdictRow[];
  degraded: VerdictRow[];
}

export interface FailureDomainRow extends FailureDomain {
  url: string | null;
}

/** A row of the workloads index (and of a namespace's page when the index is grouped). */
export interface WorkloadIndexRow {
  link: Link;
  namespace: string;
  kind: string;
  tier: number | null;
  volumes: number;
  backends: string[];
}
