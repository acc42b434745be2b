import type { FieldReader } from '../../fields.ts';

/**
 * A Kubernetes LabelSelector (`matchLabels` and `matchExpressions`), as read from `path`.
 * Absent means "everything" to Velero; an empty selector also selects everything.
 */
export interface LabelSelector {
  matchLabels: Record<string, string>;
  matchExpressions: { key: string; operator: string; values: string[] }[];
}

export function readSelector(reader: FieldReader, path: string): LabelSelector | undefined {
  if (!reader.record(path)) return undefined;
  return {
    matchLabels: reader.stringMap(`${path}.matchLabels`),
    matchExpressions: reader.indexes(`${path}.matchExpressions`).map((i) => ({
      key: reader.string(`${path}.matchExpressions[${i}].key`) ?? '',
      operator: reader.string(`${path}.matchExpressions[${i}].operator`) ?? '',
      values: reader.strings(`${path}.matchExpressions[${i}].values`),
    })),
  };
}

export function selectorMatches(selector: LabelSelector, labels: Record<string, string>): boolean {
  for (const [key, value] of Object.entries(selector.matchLabels)) if (labels[key] !== value) return false;
  for (const { key, operator, values } of selector.matchExpressions) {
    const has = key in labels;
    const value = labels[key] ?? '';
    if (operator === 'In' && !(has && values.includes(value))) return false;
    if (operator === 'NotIn' && has && values.includes(value)) return false;
    if (operator === 'Exists' && !has) return false;
    if (operator === 'DoesNotExist' && has) return false;
  }
  return true;
}

export function describeSelector(selector: LabelSelector): string {
  const parts = Object.entries(selector.matchLabels).map(([k, v]) => `${k}=${v}`);
  for (const { key, operator, values } of selector.matchExpressions)
    parts.push(values.length > 0 ? `${key} ${operator} (${values.join(',')})` : `${operator} ${key}`);
  return parts.join(',') || '(everything)';
}

/** Velero's namespace patterns: `*`, `?` and `[abc]`, matching the whole name. */
export function globMatches(pattern: string, value: string): boolean {
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i] as string;
    if (c === '*') source += '.*';
    else if (c === '?') source += '.';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) source += '\\[';
      else {
        source += `[${pattern.slice(i + 1, end).replace(/[\\^]/g, '\\$&')}]`;
        i = end;
      }
    } else source += c.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${source}$`).test(value);
}
