import { renderSavedInventory, SAVED_INVENTORY_SCHEMA } from '../graph/saved-inventory.ts';
import type { Inventory } from '../inventory/model.ts';
import { unreadOf } from '../sources/unread.ts';

/**
 * content/graph.json for `inventory`: the graph and what `--content DIR` needs to answer;
 * `tierbook` is the version writing it (the CLI's; left out when not given).
 */
export function savedInventoryText(inventory: Inventory, tierbook?: string): string {
  return renderSavedInventory({
    schema: SAVED_INVENTORY_SCHEMA,
    ...(tierbook === undefined ? {} : { tierbook }),
    cluster: inventory.cluster,
    takenAt: inventory.takenAt,
    config: inventory.config,
    unread: unreadOf({
      items: [],
      unreadable: inventory.unreadable,
      skipped: inventory.skipped,
      notRead: inventory.notRead,
    }),
    graph: inventory.graph,
  });
}
