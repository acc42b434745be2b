import { join } from 'node:path';
import { InputError } from '../core/errors.ts';
import { readSavedInventory } from '../core/graph/read-saved-inventory.ts';
import { SAVED_INVENTORY_FILE, type SavedInventory } from '../core/graph/saved-inventory.ts';
import { graphHoldsCoreKind } from '../core/sources/nothing-read.ts';
import { exists, fileLimit, readFileBounded } from './read-file-bounded.ts';

/**
 * `--content DIR`: the inventory saved in a content/ folder (its graph.json), checked. A folder
 * that is not an inventory, one written before graph.json existed, or one that holds nothing
 * tierbook answers about is bad input naming the folder and what to run.
 */
export async function readContentInventory(dir: string, maxBytes?: number): Promise<SavedInventory> {
  const file = join(dir, SAVED_INVENTORY_FILE);
  if (!(await exists(file))) {
    const what = (await exists(join(dir, 'index.md')))
      ? `it was written by an older tierbook, before ${SAVED_INVENTORY_FILE} was saved with the pages`
      : 'it is not a tierbook inventory (no index.md either)';
    throw new InputError(
      `--content: no ${SAVED_INVENTORY_FILE} here: ${what}; regenerate it with "tierbook inventory --out ${dir}"`,
      { from: { file: dir } },
    );
  }
  const bytes = await readFileBounded(file, fileLimit(maxBytes));
  const saved = readSavedInventory(bytes.toString('utf8'), file);
  if (!graphHoldsCoreKind(saved.graph.nodes)) {
    throw new InputError(
      'the inventory holds no Pod, workload, PVC or PV (it was written from a read that found nothing, with --allow-shrink): an answer from it would be a false "safe"',
      { from: { file } },
    );
  }
  return saved;
}
