import { qualifiedName } from '../../../graph/ids.ts';
import { finding } from '../finding.ts';
import type { Finding, Rule, RuleMeta } from '../model.ts';
import { describeWorkload } from '../tier-of.ts';

const meta: RuleMeta = {
  id: 'unclassified-stateful',
  defaultSeverity: 'low',
  summary: 'a workload keeps data but nothing says what it is: its tier is a guess',
  docs: 'docs/rules/unclassified-stateful.md',
};

/**
 * The tier decides every other rule's severity. When only the shape of a workload's volumes
 * decided it (the `volumes` fallback, tier 2), the other findings about it may be too loud or
 * too quiet; a label makes them right. Not tier-scaled: the tier is what is unknown.
 */
export const unclassifiedStateful: Rule = {
  meta,
  check(analysis) {
    const found: Finding[] = [];
    for (const workload of analysis.workloads) {
      const decision = analysis.tiers.get(workload.id);
      if (!decision?.unclassifiedStateful) continue;
      const { kind, namespace, name } = workload.node;
      const assumed = decision.own
        ? `its own rules guessed tier ${decision.own.tier}`
        : `tierbook assumed tier ${decision.tier}`;
      found.push(
        finding(meta, analysis.index, {
          severity: meta.defaultSeverity,
          object: workload.id,
          field: 'metadata.labels["tierbook.io/tier"]',
          message: `${describeWorkload(workload.id)} keeps data, but neither its operator, image, labels nor the configuration say what it is; ${assumed} (${decision.own?.reason ?? decision.reason}), so the severity of its other findings is a guess`,
          fix: `say what the data is: kubectl label ${kind.toLowerCase()} -n ${namespace} ${name} tierbook.io/tier=<0-4>, or an override for ${qualifiedName(workload.id)} in tierbook.config.yaml`,
        }),
      );
    }
    return found;
  },
};
