import { qualifiedName } from '../../../graph/ids.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeWorkload } from '../tier-of.ts';
import { criticalVolumes } from '../workload-data.ts';

const meta: RuleMeta = {
  id: 'default-storageclass-critical',
  defaultSeverity: 'medium',
  summary: 'tier 0/1 data was placed by the cluster default StorageClass instead of a chosen class',
  docs: 'docs/rules/default-storageclass-critical.md',
};

/**
 * A claim without `storageClassName` takes whatever class is the default when it is created.
 * Change the default (a new CSI driver, a k3s reinstall bringing local-path back) and the next
 * replica, restore or recreated volume of a critical database lands somewhere else, silently.
 */
export const defaultStorageClassCritical: Rule = {
  meta,
  check(analysis) {
    const { index } = analysis;
    const found: Finding[] = [];
    for (const { data, chain, severity } of criticalVolumes(analysis, meta)) {
      if (chain.classFrom !== 'default' || chain.claimMissing) continue;
      const chosen = chain.storageClass ? qualifiedName(chain.storageClass) : 'the default class';
      found.push(
        finding(meta, index, {
          severity,
          object: chain.claim,
          field: 'spec.storageClassName',
          message: `claim ${qualifiedName(chain.claim)} of tier-${data.tier} ${describeWorkload(data.workload.id)} names no storageClassName, so the cluster default (${chosen}) chose where its data lives (expected a class chosen on purpose)`,
          fix: `set storageClassName: ${chosen} explicitly where the claim is declared (${data.fields.storageClass} of ${describeWorkload(data.workload.id)}), so a change of the default class cannot move new or restored volumes`,
        }),
      );
    }
    return found;
  },
};
