export { type BlastOptions, blastRadius } from './blast-radius.ts';
export { closestNames, editDistance } from './closest.ts';
export { failureDomains, rankFailureDomains, summarizeFailureDomain } from './failure-domains.ts';
export { BLAST_FAIL_ON_VALUES, failureDomainsFailAt, impactsFailAt } from './gate.ts';
export { blastJson } from './json.ts';
export * from './model.ts';
export { neededBy } from './needed-by.ts';
export { FAILURE_DOMAIN_TYPES, knownTargets, resolveTarget, TARGET_TYPES } from './targets.ts';
