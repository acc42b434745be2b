import type { Finding } from '../analysis/checks/model.ts';
import type { Analysis } from '../analysis/model.ts';
import type { Dangling } from '../graph/model.ts';
import { titleOf } from './titles.ts';

/** What every page entry looks up: titles by id, findings and dangling references per object. */
export interface PageContext {
  analysis: Analysis;
  title: (id: string) => string;
  findingsOf: ReadonlyMap<string, Finding[]>;
  problemsOf: ReadonlyMap<string, Dangling[]>;
}

export function pageContext(
  analysis: Analysis,
  findings: readonly Finding[],
  dangling: readonly Dangling[],
): PageContext {
  const title = (id: string) => {
    const node = analysis.index.node(id);
    return node ? titleOf(node) : id;
  };
  return {
    analysis,
    title,
    findingsOf: groupBy(findings, (f) => f.id),
    problemsOf: groupBy(dangling, (d) => d.object),
  };
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const list = out.get(key(item)) ?? [];
    list.push(item);
    out.set(key(item), list);
  }
  return out;
}
