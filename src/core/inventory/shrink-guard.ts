import { groupOf, type SourceResult } from '../model.ts';

/** Pages of objects (not the index or findings): what an inventory "has". */
const OBJECT_PAGE = /^(workloads|storage)\//;

/**
 * Why a new inventory must not replace the previous one, or null when it may. A read that found
 * no object at all, or no object of the core API group (Pods, PVCs, PVs, Nodes, Namespaces…:
 * every cluster has some) while kinds could not be read, read nothing real: every list failed,
 * or `--from` held nothing. A read that would remove more than half of the previous inventory's
 * object pages most likely lost access, not objects. Either way the previous inventory (and
 * the notes in it) stays until `--allow-shrink`. An offline file of custom resources alone,
 * read without failures, is a small inventory, not a failed one.
 */
export function shrinkReason(
  read: SourceResult,
  previous: Iterable<string>,
  next: Iterable<string>,
): string | null {
  const unread = read.unreadable.map((u) => `${u.group || 'core'}/${u.kind} (${u.reason})`);
  const core = read.items.some((item) => groupOf(item.object.apiVersion) === '');
  if (read.items.length === 0 || (!core && unread.length > 0)) {
    const why =
      unread.length > 0
        ? `${unread.length} kind(s) could not be read: ${unread.slice(0, 5).join(', ')}${unread.length > 5 ? ', …' : ''}`
        : 'the source holds no object of a kind tierbook reads';
    return `the read found no object of the core kinds (Pods, PVCs, PVs, Nodes, Namespaces…): ${why}`;
  }
  const before = [...previous].filter((p) => OBJECT_PAGE.test(p));
  const after = new Set([...next].filter((p) => OBJECT_PAGE.test(p)));
  const removed = before.filter((p) => !after.has(p)).length;
  if (before.length > 0 && removed * 2 > before.length) {
    const also = unread.length > 0 ? ` (and ${unread.length} kind(s) could not be read)` : '';
    return `it would remove ${removed} of the previous inventory's ${before.length} object pages${also}`;
  }
  return null;
}
