import type { GraphIndex } from '../../graph/graph-index.ts';
import { parseId } from '../../graph/ids.ts';
import type { ObjectRef } from '../blast/model.ts';
import type { Finding, RuleMeta, Severity } from './model.ts';

/**
 * The object as the cluster names it. Nodes read from the cluster carry their apiVersion; a
 * placeholder (referenced, not read) falls back to the group's usual `v1`.
 */
export function objectRefOf(index: GraphIndex, id: string): ObjectRef {
  const node = index.node(id);
  const parsed = parseId(id);
  const apiVersion = node?.apiVersion ?? (parsed.group ? `${parsed.group}/v1` : 'v1');
  return { apiVersion, kind: parsed.kind, namespace: parsed.namespace, name: parsed.name };
}

export interface FindingInput {
  severity: Severity;
  /** Graph node id of a read object (never a derived OSD or disk: use the object they come from). */
  object: string;
  field: string;
  message: string;
  fix: string;
}

export function finding(meta: RuleMeta, index: GraphIndex, input: FindingInput): Finding {
  return {
    rule: meta.id,
    severity: input.severity,
    object: objectRefOf(index, input.object),
    id: input.object,
    field: input.field,
    message: input.message,
    fix: input.fix,
  };
}
