import type { Analysis } from '../analysis/model.ts';
import type { Tier } from '../analysis/tiers/model.ts';
import type { GraphNode } from '../graph/model.ts';
import { stringAttr } from './graph-facts.ts';
import type { RunbookTargetType } from './model.ts';

/** What a placeholder binds to: text, a list, or a field to fill in (the prompt says what). */
export type PlaceholderValue =
  | { text: string }
  | { list: string[] }
  /** `note`: what the step must say before it (how to find the value), added to its text. */
  | { fill: string; note?: string };

/** One workload in the restore order (BoundRunbook.order). */
export interface OrderEntry {
  workload: string;
  tier: Tier;
  why: string;
}

/** Everything a placeholder may read when a runbook is bound to one target. */
export interface BindContext {
  analysis: Analysis;
  type: RunbookTargetType;
  /** The target's graph node; null for `cluster`. */
  node: GraphNode | null;
  cluster: string;
  takenAt: string;
  /** The backup system the runbook is written for (`appliesTo: backup/<system>`), or null. */
  backupSystem: string | null;
  order: () => OrderEntry[];
}

export interface Placeholder {
  name: string;
  /** Target types it is bound for. */
  for: readonly RunbookTargetType[];
  list: boolean;
  /** What it holds, in words (docs/runbooks.md). */
  value: string;
  compute: (ctx: BindContext) => PlaceholderValue;
}

/** Every target type: a placeholder bound wherever a runbook is. */
export const ALL: readonly RunbookTargetType[] = ['osd', 'node', 'pool', 'device', 'workload', 'cluster'];

/** Text, or a fill-in saying what to write when the inventory does not hold the value. */
export const text = (value: string | null, fill: string): PlaceholderValue =>
  value === null ? { fill } : { text: value };
export const list = (values: string[]): PlaceholderValue => ({ list: values });
/** The target's node: a placeholder bound for a target type has one. */
export const need = (ctx: BindContext): GraphNode => {
  if (!ctx.node) throw new Error(`placeholder needs a ${ctx.type} target`);
  return ctx.node;
};
/** The node a target is on (a Node: itself). */
export const nodeName = (ctx: BindContext): string | null => {
  const n = need(ctx);
  return n.kind === 'Node' ? n.name : stringAttr(n, 'node');
};
