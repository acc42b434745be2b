import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { GUARD_CONTEXT_FILE } from '../../src/core/guard/saved-context.ts';
import { contentFacts, refuseMixedWithContent } from './content-facts.ts';
import type { SourceValues } from './read-cluster.ts';

/** What an answer from a saved context has of the inventory: its head's facts and the analysis. */
export interface SavedAnalysis {
  loaded: ReturnType<typeof contentFacts>;
  analysis: Analysis;
  /** What graph.json's left-out objects would warn (printed by the caller when it answers). */
  leftOut: string[];
}

/**
 * With `--content DIR` and no `--config`: the analysis saved beside graph.json by `inventory`
 * (guard-context.json), when it was made from exactly that graph.json by this tierbook; null
 * otherwise, after a note on stderr when a file was there but not used (stale, edited,
 * unreadable). The caller then answers from graph.json as if the file were not there: the
 * answer is the same either way, only slower. Loaded by guard and blast only on that path.
 */
export async function savedContentAnalysis(
  values: SourceValues & { content?: string | undefined },
  now: string,
): Promise<SavedAnalysis | null> {
  if (values.content === undefined || values.config !== undefined) return null;
  refuseMixedWithContent(values);
  const [{ limitsFrom }, { readGuardContextFile }, { VERSION }] = await Promise.all([
    import('./limits.ts'),
    import('../../src/io/guard-context-file.ts'),
    import('./version.ts'),
  ]);
  const { maxBytes } = limitsFrom(values);
  youngGenerationGrows(false);
  const found = await readGuardContextFile(values.content, { tierbook: VERSION, now, maxBytes });
  if ('analysis' in found)
    return {
      loaded: contentFacts(found.head, values.content),
      analysis: found.analysis,
      leftOut: found.leftOut,
    };
  contextNotUsed(values.content, found.unused);
  return null;
}

/**
 * The saved context in `dir` is not used (`why`; null: there is none, said nowhere): graph.json
 * is analysed instead, a workload V8's default young generation suits better.
 */
export function contextNotUsed(dir: string, why: string | null): void {
  youngGenerationGrows(true);
  if (why !== null)
    process.stderr.write(
      `tierbook: note: ${join(dir, GUARD_CONTEXT_FILE)} not used: ${why}; answering from graph.json (slower; "tierbook inventory" writes it again)\n`,
    );
}

/**
 * Every object the saved context is read into lives until the answer is printed, so each one
 * V8 allocates in its young generation is copied there and then again into the old one; the
 * young generation, doubling as it fills, touches ~20 MB of fresh memory on the way (measured
 * on the 10,000-pod context: 18,500 page faults → 13,800, 450 → 400 ms a decision). Kept at
 * its first size, its pages are reused. The fallback (graph.json analysed, seconds of mostly
 * short-lived objects) gets V8's default back. V8 reads this flag each time it would grow the space,
 * so setting it here, before the read, takes effect; it changes when memory is collected,
 * never what a program computes.
 */
export function youngGenerationGrows(grows: boolean): void {
  // 2 is V8's default (`node --v8-options`).
  setFlagsFromString(`--semi-space-growth-factor=${grows ? 2 : 1}`);
}
