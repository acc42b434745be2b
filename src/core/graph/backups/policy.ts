import type { FieldReader } from '../../fields.ts';
import type { Json } from '../../model.ts';
import type { BuildContext } from '../context.ts';
import { compare } from '../context.ts';
import { nodeId } from '../ids.ts';
import type { ObjectIndex } from '../object-index.ts';
import type { ProtectionAttr } from './adapter.ts';
import type { RunSummary } from './runs.ts';

type RunFields = 'lastSuccess' | 'lastAttempt' | 'state' | 'lastError' | 'failedSinceSuccess';

/** Records a policy's `protection` attr: its runs' summary plus what the adapter read (JSON-safe). */
export function recordProtection(
  ctx: BuildContext,
  policy: string,
  runs: RunSummary,
  protection: Omit<ProtectionAttr, RunFields>,
): void {
  const attr: ProtectionAttr = {
    ...protection,
    lastSuccess: runs.lastSuccess,
    lastAttempt: runs.lastAttempt,
    state: runs.state,
    lastError: runs.lastError,
    failedSinceSuccess: runs.failedSinceSuccess,
    notes: [...new Set([...protection.notes, ...runs.earlierFailures])].sort(compare),
  };
  ctx.setAttrs(policy, { protection: attr as unknown as Json });
}

/** A `protects` edge from a policy to what it covers (a PVC, a pod runner, a namespace, a cluster). */
export function linkProtects(
  ctx: BuildContext,
  policy: string,
  target: string,
  source: FieldReader | string,
  field: string,
  why: string,
): void {
  ctx.edge({ from: policy, to: target, type: 'protects', source, field, why });
}

/** Every namespace the inventory mentions: Namespace objects and the namespaces of objects. */
export function inventoryNamespaces(ctx: BuildContext): string[] {
  const cached = namespacesByIndex.get(ctx.index);
  if (cached) return cached;
  const names = new Set<string>();
  for (const reader of ctx.index.all()) {
    const { kind, metadata } = reader.object;
    if (kind === 'Namespace' && metadata.name) names.add(metadata.name);
    if (metadata.namespace) names.add(metadata.namespace);
  }
  const sorted = [...names].sort(compare);
  namespacesByIndex.set(ctx.index, sorted);
  return sorted;
}

/** Read once per build: every Velero policy and destination asks. */
const namespacesByIndex = new WeakMap<ObjectIndex, string[]>();

/** The Namespace node (a placeholder when the Namespace object itself was not read). */
export function namespaceNode(ctx: BuildContext, name: string): string {
  const id = nodeId('', 'Namespace', undefined, name);
  if (!ctx.hasNode(id)) ctx.node(id, { missing: true, apiVersion: 'v1' });
  return id;
}

/** The node of a referenced object, a placeholder when it was not read. */
export function referencedNode(ctx: BuildContext, id: string, apiVersion: string): string {
  if (!ctx.hasNode(id)) ctx.node(id, { missing: true, apiVersion });
  return id;
}
