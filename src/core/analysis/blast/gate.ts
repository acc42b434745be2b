import type { FailureDomainSummary, Impact, WorkloadImpact } from './model.ts';
import { IMPACT_ORDER } from './model.ts';

/** `blast --fail-on`: the impacts, worst first, a pipeline can fail on. */
export const BLAST_FAIL_ON_VALUES: readonly Impact[] = IMPACT_ORDER;

/** True when some workload's impact is `failOn` or worse (data-loss is worse than unavailable). */
export function impactsFailAt(impacts: readonly Pick<WorkloadImpact, 'impact'>[], failOn: Impact): boolean {
  const limit = IMPACT_ORDER.indexOf(failOn);
  return impacts.some((i) => IMPACT_ORDER.indexOf(i.impact) <= limit);
}

/** With no target: true when losing some failure domain would do `failOn` or worse. */
export function failureDomainsFailAt(domains: readonly FailureDomainSummary[], failOn: Impact): boolean {
  const limit = IMPACT_ORDER.indexOf(failOn);
  return domains.some((d) => IMPACT_ORDER.some((impact, i) => i <= limit && d.counts[impact] > 0));
}
