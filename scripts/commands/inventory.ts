import { assembleInventory } from '../../src/core/inventory/assemble.ts';
import type { Inventory } from '../../src/core/inventory/model.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { contentDrift, type Drift, hasDrift } from '../../src/core/render/drift.ts';
import { readContentDir, writeContentDir } from '../../src/io/content-dir.ts';
import { nowFrom, parse, SOURCE_OPTIONS } from '../cli/args.ts';
import { readClusterAndConfig } from '../cli/read-cluster.ts';

export const HELP = `tierbook inventory [SOURCE] [--out DIR] [--check] [--now ISO8601] [--cluster NAME] [--config FILE]
                   [--partial]

Reads the cluster (live, or offline with --from) and writes one Markdown page per workload and
storage object into DIR (default: content/). Operators' notes in each page are kept.
  --out DIR        where to write (default: content)
  --check          write nothing; exit 1 and list what would change if the inventory drifted
  --now ISO8601    the time recorded as "taken at" (default: now; an unchanged inventory keeps
                   the time it was taken)
  --cluster NAME   the name the inventory is published under (default: the kubeconfig context,
                   or the name of the first --from path)
  --config FILE    tierbook.config.yaml: tier targets, rules, overrides (default:
                   ./tierbook.config.yaml when present, else the built-in defaults)
  --partial        offline: skip (and list) files that cannot be parsed instead of failing;
                   the result says it is partial (files holding only kinds tierbook does not
                   use are always skipped and listed)`;

export async function inventoryCommand(args: string[]): Promise<number> {
  const { values } = parse(args, { ...SOURCE_OPTIONS, out: { type: 'string' }, check: { type: 'boolean' } });
  const outDir = values.out ?? 'content';
  const now = nowFrom(values.now);
  const { read, config } = await readClusterAndConfig(values);
  const previous = await readContentDir(outDir);
  const inventory = assembleInventory(read.result, { cluster: read.cluster, now, config });
  let files = renderContent(inventory, previous);
  if (values.now === undefined) files = keepTakenAtIfUnchanged(inventory, previous, files);
  const drift = contentDrift(previous, files);
  report(inventory, read.describe);
  if (values.check) {
    if (!hasDrift(drift)) {
      process.stdout.write(`${outDir}/ is current.\n`);
      return 0;
    }
    process.stdout.write(`${outDir}/ has drifted from the cluster:\n${describeDrift(drift)}`);
    return 1;
  }
  if (hasDrift(drift)) await writeContentDir(outDir, files);
  process.stdout.write(
    hasDrift(drift)
      ? `Wrote ${outDir}/: ${drift.added.length} added, ${drift.changed.length} changed, ${drift.removed.length} removed.\n`
      : `${outDir}/ was already current; nothing written.\n`,
  );
  return 0;
}

/** A scheduled run that finds nothing new keeps the old "taken at", so CI sees no drift. */
function keepTakenAtIfUnchanged(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  files: Map<string, string>,
): Map<string, string> {
  const before = /^takenAt: '?([^'\n]+)'?$/m.exec(previous.get('index.md') ?? '')?.[1];
  if (!before || before === inventory.takenAt) return files;
  const asBefore = renderContent({ ...inventory, takenAt: before }, previous);
  return hasDrift(contentDrift(previous, asBefore)) ? files : asBefore;
}

function report(inventory: Inventory, from: string): void {
  process.stdout.write(
    `Inventory of ${inventory.cluster} (from ${from}): ${inventory.workloads.length} workloads, ${inventory.storage.length} storage objects, ${inventory.graph.dangling.length} dangling references.\n`,
  );
  if (inventory.partial)
    process.stdout.write('The inventory is partial: see "What could not be read" in index.md.\n');
  if (inventory.skipped.length > 0) {
    process.stdout.write(
      `Passed over ${inventory.skipped.length} file(s) or kind(s) that hold nothing tierbook uses.\n`,
    );
  }
  for (const u of inventory.unreadable) {
    process.stderr.write(
      `tierbook: warning: could not read ${u.group || 'core'}/${u.kind} (${u.reason}): ${u.detail}\n`,
    );
  }
}

export function describeDrift(drift: Drift): string {
  const lines: string[] = [];
  for (const path of drift.added) lines.push(`  added    ${path}`);
  for (const path of drift.removed) lines.push(`  removed  ${path}`);
  for (const c of drift.changed) {
    lines.push(`  changed  ${c.path}:${c.line}`, `           - ${c.before}`, `           + ${c.after}`);
  }
  return `${lines.join('\n')}\n`;
}
