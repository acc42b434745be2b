import type { GuardAnswer } from '../../src/core/guard/model.ts';
import type { GuardGate, ImpactSource } from '../../src/core/guard/weigh.ts';
import { contentFacts, refuseMixedWithContent } from './content-facts.ts';
import type { SourceValues } from './read-cluster.ts';
import { contextNotUsed, youngGenerationGrows } from './saved-analysis.ts';

/**
 * A guard decision from the context `inventory` saved in a committed content/ (guard-context.json),
 * when it was made from exactly the graph.json there by this tierbook: the command is recognised
 * against the saved inventory table, and each blast it makes is read from the answers saved for
 * one OSD, disk, node, pool, claim or workload alone, or, when one is not saved (several targets
 * at once: a namespace, a release), computed from the saved analysis. The same answer as from
 * graph.json, only faster. Null (after a note on stderr when a file was there but not used: stale, edited, unreadable)
 * means: answer from graph.json. Without --content, or with --config, null at once.
 */
export async function savedDecision(
  command: { text: string; node: string | null },
  values: SourceValues & { content?: string | undefined },
  now: string,
  gate: GuardGate,
): Promise<GuardAnswer | null> {
  const dir = values.content;
  if (dir === undefined || values.config !== undefined) return null;
  refuseMixedWithContent(values);
  const [{ limitsFrom }, file, { VERSION }, { savedGuard }, weigh, { guardAnswer }] = await Promise.all([
    import('./limits.ts'),
    import('../../src/io/guard-context-file.ts'),
    import('./version.ts'),
    import('../../src/core/guard/saved-guard.ts'),
    import('../../src/core/guard/weigh.ts'),
    import('./guard-answer.ts'),
  ]);
  youngGenerationGrows(false);
  const opened = await file.openGuardContextFile(dir, {
    tierbook: VERSION,
    maxBytes: limitsFrom(values).maxBytes,
  });
  if ('unused' in opened) {
    contextNotUsed(dir, opened.unused);
    return null;
  }
  try {
    const { inventory, answers: saved } = savedGuard(opened, now);
    const answer = await guardAnswer(
      command,
      inventory,
      contentFacts(opened.head.saved, dir),
      now,
      async (recognised) => {
        let source: ImpactSource = saved;
        if (!weigh.blastRuns(recognised.steps).every((run) => saved.has(run))) {
          const [{ savedGuardContext }, { analysisImpacts }] = await Promise.all([
            import('../../src/core/guard/saved-context-body.ts'),
            import('../../src/core/guard/assess.ts'),
          ]);
          source = analysisImpacts(savedGuardContext(opened, now).analysis);
        }
        return weigh.assessWith(command.text, recognised, source, gate);
      },
    );
    for (const line of opened.head.leftOut) process.stderr.write(`tierbook: warning: ${line}\n`);
    return answer;
  } catch (error) {
    // A section that does not match its checksum or does not read: graph.json answers instead.
    contextNotUsed(dir, error instanceof Error ? error.message : String(error));
    return null;
  }
}
