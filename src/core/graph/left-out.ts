import { formatProvenance } from '../errors.ts';
import type { FieldTypeError } from '../fields.ts';
import { groupOf } from '../model.ts';
import { nodeId } from './ids.ts';
import type { Dangling, Graph } from './model.ts';

/** The problem recorded on an object left out for a field of the wrong type. */
export function leftOutProblem(error: FieldTypeError): Dangling {
  const { apiVersion, kind, metadata } = error.item.object;
  return {
    object: nodeId(groupOf(apiVersion), kind, metadata.namespace, metadata.name ?? ''),
    field: error.field ?? '',
    message: `${error.message}: this ${kind} is left out, so what it adds (a backup, a run, a destination, a snapshot) is not counted`,
    leftOut: formatProvenance(error.from),
  };
}

/** One line per object left out, for stderr: `file:line: Kind ns/name: field f: message`. */
export function leftOutWarnings(graph: Graph): string[] {
  return graph.dangling
    .filter((d) => d.leftOut !== undefined)
    .map((d) => {
      const [, kind = '', namespace = '', ...name] = d.object.split('/');
      const label = `${kind} ${namespace ? `${namespace}/` : ''}${name.join('/')}`;
      return `${d.leftOut ? `${d.leftOut}: ` : ''}${label}: field ${d.field}: ${d.message}`;
    });
}
