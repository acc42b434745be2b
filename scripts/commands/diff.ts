import { inventoryDiff } from '../../src/core/diff/inventory-diff.ts';
import { UsageError } from '../../src/core/errors.ts';
import { analyseCluster } from '../../src/core/index.ts';
import { renderDiffMarkdown } from '../../src/core/render/diff-text.ts';
import { readContentInventory } from '../../src/io/read-saved-inventory.ts';
import { parse } from '../cli/args.ts';

export const HELP = `tierbook diff OLD_CONTENT NEW_CONTENT [-o markdown|json]

What changed between two inventories of a cluster (two content/ folders: the
committed one and a fresh "tierbook inventory --out new/"): failure domains
whose blast radius grew, backups lost or gained, new and resolved findings,
tier changes, workloads added and removed. The Markdown fits a pull request.
Each side is analysed with its own configuration and at its own time.
  -o, --output FMT markdown (default) or json`;

export async function diffCommand(args: string[]): Promise<number> {
  const { values, positionals } = parse(
    args,
    {
      output: { type: 'string', short: 'o' },
    },
    2,
  );
  const format = values.output ?? 'markdown';
  if (format !== 'markdown' && format !== 'json')
    throw new UsageError(`-o expects markdown or json, got "${format}"`);
  const [oldDir, newDir] = positionals;
  if (oldDir === undefined || newDir === undefined)
    throw new UsageError('diff needs two content folders: tierbook diff OLD_CONTENT NEW_CONTENT');
  const side = async (dir: string) => {
    const saved = await readContentInventory(dir);
    const analysis = await analyseCluster(saved.graph, { config: saved.config, now: saved.takenAt });
    return { analysis, cluster: saved.cluster, takenAt: saved.takenAt };
  };
  const diff = inventoryDiff(await side(oldDir), await side(newDir));
  process.stdout.write(format === 'json' ? `${JSON.stringify(diff, null, 2)}\n` : renderDiffMarkdown(diff));
  return 0;
}
