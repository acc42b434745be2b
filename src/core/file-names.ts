// Where each page of content/ is written (section 4 of the content contract). On the ground
// floor: the inventory names its runbook pages, drills name their records and render writes
// the pages, each with these same names.

/**
 * A short SHA-256 of `name`. node:crypto is loaded on first use, not at import: commands that
 * never write a file (blast, guard) would pay for loading it at every start.
 */
function sha256(name: string, length: number): string {
  return process
    .getBuiltinModule('node:crypto')
    .createHash('sha256')
    .update(name)
    .digest('hex')
    .slice(0, length);
}

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
  if (out.length > 100) out = `${out.slice(0, 80)}~${sha256(name, 12)}`;
  return out;
}

export function workloadFile(kind: string, namespace: string, name: string): string {
  return `workloads/${safeSegment(namespace)}.${safeSegment(kind.toLowerCase())}.${safeSegment(name)}.md`;
}

export function storageFile(type: string, namespace: string, name: string): string {
  if (type === 'disk') return `storage/disk.${diskSegment(name)}.md`;
  return legacyStorageFile(type, namespace, name);
}

/**
 * Where a storage page was written before disks got readable names: a disk's page moved from
 * `disk.k8s-2_2fdev_2fsdc` to `disk.k8s-2.sdc`. Its notes are carried over, and the site
 * sends the old address to the new one.
 */
export function legacyStorageFile(type: string, namespace: string, name: string): string {
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

/**
 * A disk (`k8s-2/dev/disk/by-id/ata-Samsung_SSD_870_…`) as `<node>.<last part of its path>`,
 * lower case: `k8s-2.sdc`, `k8s-1.ata-samsung-ssd-870-evo-1tb-s6ptnz0r812345k-3f9a1c`. When
 * lower-casing or the path's folders lose something, a hash of the whole name keeps two disks
 * apart (a case-insensitive file system sees no collision).
 */
export function diskSegment(name: string): string {
  const slash = name.indexOf('/');
  const node = slash > 0 ? name.slice(0, slash) : name;
  const path = slash > 0 ? name.slice(slash) : '';
  const last = path.slice(path.lastIndexOf('/') + 1);
  const readable = last
    .toLowerCase()
    .replace(/[^a-z0-9.-]+/g, '-')
    .replace(/^[-.]+|-+$/g, '')
    .slice(0, 64);
  const exact = readable === last && path === `/dev/${last}`;
  const hash = sha256(name, 6);
  return `${safeSegment(node)}.${readable && exact ? readable : `${readable || 'disk'}-${hash}`}`;
}

export const INDEX_FILE = 'index.md';
