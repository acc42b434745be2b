import { formatProvenance } from '../../errors.ts';
import { groupOf, type NotRead, type Skipped, type SourceItem } from '../../model.ts';
import type { ResourceType } from '../resource-type.ts';
import { isMapping } from './describe-value.ts';
import { variableReferences } from './flux-variables.ts';
import { objectLabel } from './object-identity.ts';

const IDENTITY = new Set(['metadata.name', 'metadata.namespace']);

export interface UnresolvedScan {
  items: SourceItem[];
  warnings: Skipped[];
  /** Objects whose name or namespace is a variable: templates, not objects. */
  notRead: NotRead[];
}

/**
 * Finds the `${VAR}` references left in the objects tierbook uses, after Flux substitution. Each
 * field holding one is a warning naming the file, object and field; the value is kept as written
 * (Kubernetes names cannot hold `$`, so it never matches a real object, and the graph reads a
 * class name holding one as unknown, not as a class). An object whose name or namespace holds
 * one is a template, not an object: it is not read, and the inventory says it is partial.
 * `unresolvedByFile` names, for each file Flux variables were applied to, the variables left
 * unresolved there: in such a file, any other `${…}` is an escape's literal text (`$${x}`). An
 * object that opts out of substitution (`kustomize.toolkit.fluxcd.io/substitute: disabled`)
 * holds literal text only.
 */
export function scanUnresolved(
  items: readonly SourceItem[],
  unresolvedByFile: ReadonlyMap<string, ReadonlySet<string>>,
  reads: readonly ResourceType[],
): UnresolvedScan {
  const used = new Set(reads.map((type) => `${type.group}/${type.kind}`));
  const scan: UnresolvedScan = { items: [], warnings: [], notRead: [] };
  for (const item of items) {
    const { object } = item;
    if (!used.has(`${groupOf(object.apiVersion)}/${object.kind}`)) {
      scan.items.push(item);
      continue;
    }
    if (substitutionDisabled(item)) {
      scan.items.push(item);
      continue;
    }
    const only = item.from.file ? unresolvedByFile.get(item.from.file) : undefined;
    const found: { field: string; refs: string[] }[] = [];
    walk(object, [], (field, value) => {
      // A name cannot hold `$` at all: there, even an escape's text is no name.
      const refs = variableReferences(value).filter(
        (ref) => !only || IDENTITY.has(field) || only.has(variableName(ref)),
      );
      if (refs.length > 0) found.push({ field, refs });
    });
    if (found.length === 0) {
      scan.items.push(item);
      continue;
    }
    const where = formatProvenance(item.from);
    const label = objectLabel(object);
    const identity = found.find((f) => IDENTITY.has(f.field));
    if (identity) {
      scan.notRead.push({
        where,
        reason: `${label}: field ${identity.field}: unresolved variable ${identity.refs.join(', ')}: a template, not an object; not read`,
        kinds: [object.kind],
        needed: true,
      });
      continue;
    }
    for (const { field, refs } of found) {
      scan.warnings.push({
        where,
        reason: `${label}: field ${field}: unresolved variable ${refs.join(', ')}; read as unknown`,
      });
    }
    scan.items.push(item);
  }
  return scan;
}

/** Flux's opt-out, as a label or an annotation: the object is applied as written. */
export const SUBSTITUTE_OPT_OUT = 'kustomize.toolkit.fluxcd.io/substitute';

export function substitutionDisabled(item: SourceItem): boolean {
  const { labels, annotations } = item.object.metadata;
  return labels?.[SUBSTITUTE_OPT_OUT] === 'disabled' || annotations?.[SUBSTITUTE_OPT_OUT] === 'disabled';
}

/** `${VOLSYNC_CLASS:=ceph-block}` → `VOLSYNC_CLASS`. */
function variableName(ref: string): string {
  return /^\$\{([_A-Za-z][_A-Za-z0-9]*)/.exec(ref)?.[1] ?? ref.slice(2, -1);
}

/**
 * Visits every string holding `${` with its field's path (`spec.template.containers[0].image`).
 * The path is written only for those: most values of a large read hold none.
 */
function walk(
  value: unknown,
  path: (string | number)[],
  visit: (field: string, value: string) => void,
): void {
  if (typeof value === 'string') {
    if (value.includes('${')) visit(fieldPath(path), value);
  } else if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index++) {
      path.push(index);
      walk(value[index], path, visit);
      path.pop();
    }
  } else if (isMapping(value)) {
    for (const key of Object.keys(value)) {
      path.push(key);
      walk(value[key], path, visit);
      path.pop();
    }
  }
}

/** `a.b[0].c`: a key after a dot (none first), an index in brackets. */
function fieldPath(path: readonly (string | number)[]): string {
  let text = '';
  for (const step of path) {
    if (typeof step === 'number') text = `${text}[${step}]`;
    else text = text ? `${text}.${step}` : step;
  }
  return text;
}
