import { ClusterReadError, InputError } from '../../src/core/errors.ts';
import { SAVED_INVENTORY_FILE } from '../../src/core/graph/saved-inventory.ts';
import { inventoryAndAnalysis, loadCluster } from '../../src/core/index.ts';
import type { Inventory } from '../../src/core/inventory/model.ts';
import { shrinkGuard } from '../../src/core/inventory/shrink-guard.ts';
import { contentPieces, renderContent } from '../../src/core/render/content.ts';
import { contentDrift, type Drift, hasDrift } from '../../src/core/render/drift.ts';
import { runbookDrift } from '../../src/core/render/runbook-drift.ts';
import { ContentStaging, markContentDir, readContentDir } from '../../src/io/content-dir.ts';
import { readDrills } from '../../src/io/drills-dir.ts';
import { GUARD_CONTEXT_FILE } from '../../src/io/guard-context-file.ts';
import { ownedOutput } from '../../src/io/output-dir.ts';
import { lockOutput, pendingRecovery } from '../../src/io/output-lock.ts';
import { nowFrom, parse, READ_LIMITS_HELP, SOURCE_OPTIONS } from '../cli/args.ts';
import { guardContextFor, renderedAs, stagePages, withoutCache } from '../cli/inventory-pages.ts';
import { warnLeftOut } from '../cli/left-out.ts';
import { readClusterAndConfig, type SourceValues } from '../cli/read-cluster.ts';
import { readBuiltInRunbooks } from '../cli/runbook-inputs.ts';

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
  const { previous, drills, inventory, analysis, domainBlasts, from, shrinkReason } = await readAndAnalyse(
    values,
    outDir,
    now,
  );
  for (const ignored of inventory.ignoredDrills) process.stderr.write(`tierbook: warning: ${ignored}\n`);
  warnLeftOut(inventory.graph);
  const made = { inventory, analysis, drills: drills.length, domainBlasts };
  const keepTakenAt = values.now === undefined;
  // The whole folder in memory: for --check, and to render again when notes change during the write.
  const render = (before: ReadonlyMap<string, string>) => {
    const as = renderedAs(inventory, before, keepTakenAt);
    const files = renderContent(as.inventory, before, as.writer);
    const graph = files.get(SAVED_INVENTORY_FILE);
    return graph === undefined ? files : files.set(GUARD_CONTEXT_FILE, guardContextFor(graph, made));
  };
  if (values.check) {
    const files = render(previous);
    const drift = contentDrift(withoutCache(previous), withoutCache(files));
    report(inventory, from);
    if (!hasDrift(drift)) {
      process.stdout.write(`${outDir}/ is current.\n`);
      return 0;
    }
    process.stdout.write(`${outDir}/ has drifted from the cluster:\n${describeDrift(drift)}`);
    for (const line of runbookDrift(previous, files)) process.stdout.write(`  runbook  ${line}\n`);
    return 1;
  }
  // Each page is written into the staging folder as it is made and let go (content/ is hundreds
  // of MB at 10,000 pods); the folder replaces outDir/ only once everything is written and
  // checked, so a run refused or stopped on the way leaves outDir/ as it was.
  const staging = await ContentStaging.open(outDir);
  try {
    const as = renderedAs(inventory, previous, keepTakenAt);
    const pages = contentPieces(as.inventory, previous, as.writer);
    const { drift, paths, guardContext } = stagePages(staging, pages, previous, made);
    // The guard's cache is no drift: it follows graph.json and the tierbook that wrote it.
    const cacheOnly = !hasDrift(drift) && previous.get(GUARD_CONTEXT_FILE) !== guardContext;
    report(inventory, from);
    const shrink = values['allow-shrink'] ? null : shrinkReason(previous.keys(), paths);
    if (shrink !== null) {
      const message = `not replacing ${outDir}/: ${shrink}. Nothing was written; if the cluster really is this small now, run again with --allow-shrink`;
      throw (values.from?.length ?? 0) > 0
        ? new InputError(message, { from: { file: values.from?.join(', ') ?? '' } })
        : new ClusterReadError(message);
    }
    if (hasDrift(drift) || cacheOnly) {
      // Pages the same as before were not written yet: they are the previous text.
      for (const path of paths) if (!staging.has(path)) staging.write(path, previous.get(path) as string);
      if (guardContext !== undefined) staging.write(GUARD_CONTEXT_FILE, guardContext);
      await staging.commit({ previous, render });
    } else {
      await staging.discard();
      if (state?.adopted) await markContentDir(outDir);
    }
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
  } catch (error) {
    await staging.discard();
    throw error;
  }
}

/**
 * The cluster read and analysed, with content/ as it is now and its drills. The objects read
 * are let go on return (only what the shrink guard needs of them is kept): the graph and the
 * analysis hold what the pages are made from.
 */
async function readAndAnalyse(values: SourceValues, outDir: string, now: string) {
  const runbooks = await readBuiltInRunbooks();
  const { read, config } = await readClusterAndConfig(values, { nothingIsError: false });
  const previous = await readContentDir(outDir);
  // Drills kept in the folder (docs/drills.md) are restore evidence; regeneration keeps them.
  const drills = await readDrills(outDir);
  const { inventory, analysis, domainBlasts } = await inventoryAndAnalysis(await loadCluster(read.result), {
    cluster: read.cluster,
    now,
    config,
    drills,
    runbooks,
  });
  return {
    previous,
    drills,
    inventory,
    analysis,
    domainBlasts,
    from: read.describe,
    shrinkReason: shrinkGuard(read.result),
  };
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
