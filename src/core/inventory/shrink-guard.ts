import type { SourceResult } from '../model.ts';
import { kindName, nothingReadReason } from '../sources/nothing-read.ts';

/** Pages of objects (not the index or findings): what an inventory "has". */
const OBJECT_PAGE = /^(workloads|storage)\//;

/**
 * Why a new inventory must not replace the previous one, or null when it may. A read that found
 * nothing tierbook inventories (`nothingReadReason`: no object of the core kinds, or none of the
 * core API group while kinds could not be read) read nothing real: every list failed, or
 * `--from` held nothing usable. A read that would remove more than half of the previous
 * inventory's object pages most likely lost access, not objects. Either way the previous
 * inventory (and the notes in it) stays until `--allow-shrink`. What it needs of the read is
 * taken now, so the objects read need not be kept until the pages are made (tens of MB at
 * 10,000 pods).
 */
export function shrinkGuard(
  read: SourceResult,
): (previous: Iterable<string>, next: Iterable<string>) => string | null {
  const nothing = nothingReadReason(read);
  const unread = read.unreadable.map(kindName);
  return (previous, next) => {
    if (nothing !== null) return nothing;
    const before = [...previous].filter((p) => OBJECT_PAGE.test(p));
    const after = new Set([...next].filter((p) => OBJECT_PAGE.test(p)));
    const removed = before.filter((p) => !after.has(p)).length;
    if (before.length > 0 && removed * 2 > before.length) {
      const also = unread.length > 0 ? ` (and ${unread.length} kind(s) could not be read)` : '';
      return `it would remove ${removed} of the previous inventory's ${before.length} object pages${also}`;
    }
    return null;
  };
}
