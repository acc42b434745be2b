import { createHash } from 'node:crypto';

/**
 * File-name segments from cluster-supplied names. Anything outside [a-z0-9-] (and a dot not
 * at the start) is escaped as `_xx`, so distinct names stay distinct, `..` and `/` cannot
 * escape content/, and case-insensitive file systems see no collisions. Long names are cut
 * and suffixed with a hash.
 */
export function safeSegment(name: string): string {
  let out = '';
  for (const char of name) {
    const ok = /[a-z0-9-]/.test(char) || (char === '.' && out.length > 0);
    out += ok
      ? char
      : [...new TextEncoder().encode(char)].map((b) => `_${b.toString(16).padStart(2, '0')}`).join('');
  }
  if (out.length === 0) out = '_';
  if (out.length > 100)
    out = `${out.slice(0, 80)}~${createHash('sha256').update(name).digest('hex').slice(0, 12)}`;
  return out;
}

export function workloadFile(kind: string, namespace: string, name: string): string {
  return `workloads/${safeSegment(namespace)}.${safeSegment(kind.toLowerCase())}.${safeSegment(name)}.md`;
}

export function storageFile(type: string, namespace: string, name: string): string {
  const parts = namespace ? [type, namespace, name] : [type, name];
  return `storage/${parts.map(safeSegment).join('.')}.md`;
}

/**
 * `runbooks/<id>.<target-slug>.md`: the target's parts (`osd/3` → `osd.3`, a workload's kind
 * in lower case), or `cluster` for a cluster-wide runbook.
 */
export function runbookFile(id: string, target: string | null): string {
  const parts = target?.split('/').filter((p) => p !== '') ?? ['cluster'];
  const slug = parts.map((p, i) => safeSegment(parts[0] === 'workload' && i === 2 ? p.toLowerCase() : p));
  return `runbooks/${safeSegment(id)}.${slug.join('.')}.md`;
}

export const INDEX_FILE = 'index.md';
