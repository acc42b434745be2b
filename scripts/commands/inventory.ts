import type { Analysis } from '../../src/core/analysis/model.ts';
import { ClusterReadError, InputError } from '../../src/core/errors.ts';
import { SAVED_INVENTORY_FILE } from '../../src/core/graph/saved-inventory.ts';
import { guardContextTextOf } from '../../src/core/guard/saved-context-text.ts';
import { inventoryAndAnalysis, loadCluster } from '../../src/core/index.ts';
import type { Inventory } from '../../src/core/inventory/model.ts';
import { shrinkReason } from '../../src/core/inventory/shrink-guard.ts';
import { renderContent } from '../../src/core/render/content.ts';
import { contentDrift, type Drift, hasDrift } from '../../src/core/render/drift.ts';
import { runbookDrift } from '../../src/core/render/runbook-drift.ts';
import { markContentDir, readContentDir, writeContentDir } from '../../src/io/content-dir.ts';
import { readDrills } from '../../src/io/drills-dir.ts';
import { GUARD_CONTEXT_FILE, sha256 } from '../../src/io/guard-context-file.ts';
import { ownedOutput } from '../../src/io/output-dir.ts';
import { lockOutput, pendingRecovery } from '../../src/io/output-lock.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { warnLeftOut } from '../cli/left-out.ts';
import { readClusterAndConfig, type SourceValues } from '../cli/read-cluster.ts';
import { readBuiltInRunbooks } from '../cli/runbook-inputs.ts';
import { VERSION } from '../cli/version.ts';

export const HELP = `tierbook inventory [SOURCE] [--out DIR] [--check] [--allow-shrink] [--now ISO8601]
                    [--cluster NAME] [--config FILE] [--partial]
                    [--timeout DUR] [--request-timeout DUR] [--max-bytes SIZE]

Reads the cluster (live, or offline with --from) and writes one Markdown page per workload and
storage object into DIR (default: content/). Operators' notes in each page are kept.
  --out DIR        where to write (default: content): a new or empty folder, or one an earlier
                   run wrote (it holds .tierbook-content); any other folder is refused
  --check          write nothing; exit 1 and list what would change if the inventory drifted
  --allow-shrink   write even when the read found nothing (no Pod, workload, PVC or PV; or
                   nothing of the core API group while kinds could not be read) or would
                   remove more than half of the previous pages; without it such a run exits
                   3 (live) or 2 (--from) and writes nothing
  --now ISO8601    the time recorded as "taken at" (default: now; an unchanged inventory keeps
                   the time it was taken)
  --config FILE    tierbook.config.yaml: tier targets, rules, overrides (default:
                   ./tierbook.config.yaml when present, else the built-in defaults)
${READ_LIMITS_HELP}`;

export async function inventoryCommand(args: string[]): Promise<number> {
  const { values } = parse(args, {
    ...SOURCE_OPTIONS,
    out: { type: 'string' },
    check: { type: 'boolean' },
    'allow-shrink': { type: 'boolean' },
  });
  const outDir = values.out ?? 'content';
  nowFrom(values.now);
  if (values.check) {
    for (const notice of await pendingRecovery(outDir))
      process.stderr.write(`tierbook: warning: ${notice}\n`);
    return inventoryRun(values, outDir);
  }
  // One run at a time per folder; what a killed run left is recovered first.
  await ownedOutput(outDir, 'content');
  const lock = await lockOutput(outDir);
  try {
    for (const notice of lock.notices) process.stderr.write(`tierbook: ${notice}\n`);
    return await inventoryRun(values, outDir);
  } finally {
    await lock.release();
  }
}

async function inventoryRun(
  values: SourceValues & {
    now?: string | undefined;
    check?: boolean | undefined;
    'allow-shrink'?: boolean | undefined;
  },
  outDir: string,
): Promise<number> {
  const now = nowFrom(values.now);
  // Refuse a folder that is not tierbook's before the (slow) read, and before reading its pages.
  const state = values.check ? null : await ownedOutput(outDir, 'content');
  const runbooks = await readBuiltInRunbooks();
  const { read, config } = await readClusterAndConfig(values, { nothingIsError: false });
  const previous = await readContentDir(outDir);
  // Drills kept in the folder (docs/drills.md) are restore evidence; regeneration keeps them.
  const drills = await readDrills(outDir);
  const { inventory, analysis } = await inventoryAndAnalysis(await loadCluster(read.result), {
    cluster: read.cluster,
    now,
    config,
    drills,
    runbooks,
  });
  for (const ignored of inventory.ignoredDrills) process.stderr.write(`tierbook: warning: ${ignored}\n`);
  warnLeftOut(inventory.graph);
  const render = (before: ReadonlyMap<string, string>) =>
    withGuardContext(keepIfUnchanged(inventory, before, { keepTakenAt: values.now === undefined }), {
      inventory,
      analysis,
      drills: drills.length,
    });
  const files = render(previous);
  // The guard's cache is no drift: it follows graph.json and the tierbook that wrote it.
  const drift = contentDrift(withoutCache(previous), withoutCache(files));
  const cacheOnly = !hasDrift(drift) && previous.get(GUARD_CONTEXT_FILE) !== files.get(GUARD_CONTEXT_FILE);
  report(inventory, read.describe);
  if (values.check) {
    if (!hasDrift(drift)) {
      process.stdout.write(`${outDir}/ is current.\n`);
      return 0;
    }
    process.stdout.write(`${outDir}/ has drifted from the cluster:\n${describeDrift(drift)}`);
    for (const line of runbookDrift(previous, files)) process.stdout.write(`  runbook  ${line}\n`);
    return 1;
  }
  const shrink = values['allow-shrink'] ? null : shrinkReason(read.result, previous.keys(), files.keys());
  if (shrink !== null) {
    const message = `not replacing ${outDir}/: ${shrink}. Nothing was written; if the cluster really is this small now, run again with --allow-shrink`;
    throw (values.from?.length ?? 0) > 0
      ? new InputError(message, { from: { file: values.from?.join(', ') ?? '' } })
      : new ClusterReadError(message);
  }
  if (hasDrift(drift) || cacheOnly) await writeContentDir(outDir, files, { previous, render });
  else if (state?.adopted) await markContentDir(outDir);
  if (state?.adopted) {
    process.stderr.write(
      `tierbook: ${outDir}/ was written by an earlier tierbook without the .tierbook-content marker; it is now marked as tierbook's\n`,
    );
  }
  process.stdout.write(
    hasDrift(drift)
      ? `Wrote ${outDir}/: ${drift.added.length} added, ${drift.changed.length} changed, ${drift.removed.length} removed.\n`
      : `${outDir}/ was already current; nothing written${cacheOnly ? ` but ${GUARD_CONTEXT_FILE}, the guard's cache of its analysis` : ''}.\n`,
  );
  return 0;
}

/**
 * content/ with the guard's saved analysis of its graph.json (guard-context.json), stamped with
 * the running tierbook: the guard uses it only when that tierbook reads it, so an older one's
 * cache is rewritten, not kept like the version recorded in graph.json. Made from the graph and
 * analysis in memory (graph.json is their text), stamped with the SHA-256 and length of the
 * UTF-8 bytes written for graph.json.
 */
function withGuardContext(
  files: Map<string, string>,
  made: { inventory: Inventory; analysis: Analysis; drills: number },
): Map<string, string> {
  const graph = files.get(SAVED_INVENTORY_FILE);
  if (graph === undefined) return files;
  const text = guardContextTextOf(
    graph,
    {
      graph: made.inventory.graph,
      analysis: made.analysis,
      drills: made.drills,
      graphBytes: Buffer.byteLength(graph),
    },
    VERSION,
    sha256,
  );
  return new Map([...files, [GUARD_CONTEXT_FILE, text]]);
}

function withoutCache(files: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new Map([...files].filter(([path]) => path !== GUARD_CONTEXT_FILE));
}

/**
 * A scheduled run that finds nothing new keeps the old "taken at" (unless --now) and the
 * version of tierbook that wrote the files, so CI sees no drift: an upgrade alone, or time
 * passing, changes nothing in the cluster. A folder that records no version gets it.
 */
function keepIfUnchanged(
  inventory: Inventory,
  previous: ReadonlyMap<string, string>,
  options: { keepTakenAt: boolean },
): Map<string, string> {
  const files = renderContent(inventory, previous, { tierbook: VERSION });
  const index = previous.get('index.md') ?? '';
  const takenAt = options.keepTakenAt ? /^takenAt: '?([^'\n]+)'?$/m.exec(index)?.[1] : undefined;
  const writer = /^tierbook: '?([^'\n]+)'?$/m.exec(index)?.[1];
  if ((!takenAt || takenAt === inventory.takenAt) && (!writer || writer === VERSION)) return files;
  const asBefore = renderContent({ ...inventory, takenAt: takenAt || inventory.takenAt }, previous, {
    tierbook: writer || VERSION,
  });
  return hasDrift(contentDrift(withoutCache(previous), asBefore)) ? files : asBefore;
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
