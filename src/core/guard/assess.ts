import { blastRadius } from '../analysis/blast/blast-radius.ts';
import type { Analysis } from '../analysis/model.ts';
import type { GuardAnswer } from './model.ts';
import type { Recognised } from './recognise.ts';
import { assessWith, type GuardGate, type ImpactSource } from './weigh.ts';

export type { GuardGate };

/** From recognised steps to the answer, every blast radius computed on `analysis`. */
export function assessSteps(
  command: string,
  recognised: Recognised,
  analysis: Analysis | null,
  gate: GuardGate,
): GuardAnswer {
  return assessWith(command, recognised, analysis ? analysisImpacts(analysis) : null, gate);
}

/** Each blast computed on the analysis, as `tierbook blast` computes it. */
export function analysisImpacts(analysis: Analysis): ImpactSource {
  return {
    blast: (run) => blastRadius(analysis, run.targets, { outage: run.outage }),
    tierReason: (workload) => analysis.tiers.get(workload)?.reason ?? '',
  };
}
