import { join } from 'node:path';
import type { Analysis } from '../../src/core/analysis/model.ts';
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
  const [{ limitsFrom }, { readGuardContextFile, GUARD_CONTEXT_FILE }, { VERSION }] = await Promise.all([
    import('./limits.ts'),
    import('../../src/io/guard-context-file.ts'),
    import('./version.ts'),
  ]);
  const { maxBytes } = limitsFrom(values);
  const found = await readGuardContextFile(values.content, { tierbook: VERSION, now, maxBytes });
  if ('analysis' in found)
    return {
      loaded: contentFacts(found.head, values.content),
      analysis: found.analysis,
      leftOut: found.leftOut,
    };
  if (found.unused !== null)
    process.stderr.write(
      `tierbook: note: ${join(values.content, GUARD_CONTEXT_FILE)} not used: ${found.unused}; answering from graph.json (slower; "tierbook inventory" writes it again)\n`,
    );
  return null;
}
