import { configRule } from './config-rule.ts';
import { forwardAuthRule } from './forward-auth.ts';
import { imageRule } from './image.ts';
import { labelsRule } from './labels.ts';
import { operatorRule } from './operator.ts';
import { overrideConfig } from './override-config.ts';
import { overrideNamespace } from './override-namespace.ts';
import { overrideWorkload } from './override-workload.ts';
import type { TierRuleSpec } from './rule.ts';
import { volumesRule } from './volumes.ts';

/** The workload's own rules, tried in this order; the first that decides wins. `volumes` always does. */
export const TIER_RULES: readonly TierRuleSpec[] = [
  overrideWorkload,
  overrideNamespace,
  overrideConfig,
  configRule,
  operatorRule,
  imageRule,
  forwardAuthRule,
  labelsRule,
  volumesRule,
];
