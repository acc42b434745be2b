import type { RestoreFacts } from './facts.ts';
import type { RestoreSystem } from './index.ts';

/**
 * A node's `restore` attr, as a restore adapter recorded it (adapter.ts `recordRestore`), read
 * back with its system typed by the table (index.ts). Apart from adapter.ts so that what reads
 * evidence loads no adapter (the import of index.ts is a type's, erased at run time).
 */
export function restoreOf(attr: unknown): RestoreFacts<RestoreSystem> | undefined {
  if (typeof attr !== 'object' || attr === null || !('system' in attr) || !('result' in attr))
    return undefined;
  return attr as RestoreFacts<RestoreSystem>;
}
