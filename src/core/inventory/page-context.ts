import type { Finding } from '../analysis/checks/model.ts';
import type { Analysis } from '../analysis/model.ts';
import type { Dangling } from '../graph/model.ts';
import { titleOf } from './titles.ts';

/** What every page entry looks up: titles by id, findings and dangling references per object. */
export interface PageContext {
  analysis: Analysis;
  /** An object's title: one string per id, however many entries name it. */
  title: (id: string) => string;
  /**
   * The one string kept for each distinct text (the same reasons repeat across the failure
   * domains' blasts: 507,000 at 10,000 pods, 17,500 different), so entries share it.
   */
  same: (text: string) => string;
  findingsOf: ReadonlyMap<string, Finding[]>;
  problemsOf: ReadonlyMap<string, Dangling[]>;
}

export function pageContext(
  analysis: Analysis,
  findings: readonly Finding[],
  dangling: readonly Dangling[],
): PageContext {
  const titles = new Map<string, string>();
  const title = (id: string) => {
    let made = titles.get(id);
    if (made === undefined) {
      const node = analysis.index.node(id);
      made = node ? titleOf(node) : id;
      titles.set(id, made);
    }
    return made;
  };
  const texts = new Map<string, string>();
  const same = (text: string) => {
    const kept = texts.get(text);
    if (kept !== undefined) return kept;
    texts.set(text, text);
    return text;
  };
  return {
    analysis,
    title,
    same,
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
