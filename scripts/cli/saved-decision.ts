import { join } from 'node:path';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { contentFacts, refuseMixedWithContent, staleNotice } from './content-facts.ts';
import type { SourceValues } from './read-cluster.ts';
import { youngGenerationGrows } from './saved-analysis.ts';

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
  gate: import('../../src/core/guard/weigh.ts').GuardGate,
): Promise<GuardAnswer | null> {
  const dir = values.content;
  if (dir === undefined || values.config !== undefined) return null;
  refuseMixedWithContent(values);
  const [{ limitsFrom }, file, { VERSION }, { recognise }, { savedGuard }, weigh, unread] = await Promise.all(
    [
      import('./limits.ts'),
      import('../../src/io/guard-context-file.ts'),
      import('./version.ts'),
      import('../../src/core/guard/recognise.ts'),
      import('../../src/core/guard/saved-guard.ts'),
      import('../../src/core/guard/weigh.ts'),
      import('../../src/core/sources/unread.ts'),
    ],
  );
  youngGenerationGrows(false);
  const opened = await file.openGuardContextFile(dir, {
    tierbook: VERSION,
    maxBytes: limitsFrom(values).maxBytes,
  });
  const unused = (why: string) => {
    youngGenerationGrows(true);
    process.stderr.write(
      `tierbook: note: ${join(dir, file.GUARD_CONTEXT_FILE)} not used: ${why}; answering from graph.json (slower; "tierbook inventory" writes it again)\n`,
    );
    return null;
  };
  if ('unused' in opened) {
    if (opened.unused === null) {
      youngGenerationGrows(true);
      return null;
    }
    return unused(opened.unused);
  }
  try {
    const { inventory, answers: saved } = savedGuard(opened, now);
    const loaded = contentFacts(opened.head.saved, dir);
    const recognised = recognise(command.text, command.node, inventory);
    // A gate cannot pass what it did not see.
    for (const u of loaded.unread)
      recognised.problems.push(
        `the read was partial: ${unread.describeUnread(u, 'what it holds is not in this answer')}`,
      );
    let source: import('../../src/core/guard/weigh.ts').ImpactSource = saved;
    if (!weigh.blastRuns(recognised.steps).every((run) => saved.has(run))) {
      const [{ savedGuardContext }, { analysisImpacts }] = await Promise.all([
        import('../../src/core/guard/saved-context-body.ts'),
        import('../../src/core/guard/assess.ts'),
      ]);
      source = analysisImpacts(savedGuardContext(opened, now).analysis);
    }
    const answer = weigh.assessWith(command.text, recognised, source, gate);
    // From a committed inventory: the cluster as it was then, said with the answer.
    const stale = staleNotice(loaded, now);
    if (stale) answer.assumptions.push(stale);
    for (const line of opened.head.leftOut) process.stderr.write(`tierbook: warning: ${line}\n`);
    return answer;
  } catch (error) {
    // A section that does not match its checksum or does not read: graph.json answers instead.
    return unused(error instanceof Error ? error.message : String(error));
  }
}
