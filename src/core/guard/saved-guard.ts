import { type GuardInventory, guardInventoryOf } from './inventory.ts';
import type { GuardInventoryTable } from './inventory-table.ts';
import { type SavedAnswers, savedAnswers } from './saved-answers-read.ts';
import type { ContextSection, OpenedContext } from './saved-context.ts';

/**
 * What a guard decision reads of an opened context before any analysis: the inventory's
 * lookups over its saved table and the blast answers saved ahead, each section read (and
 * verified) when a lookup or an answer first needs it. A decision whose every blast is saved
 * (`answers.has`) needs nothing else; any other reads the context's analysis
 * (saved-context-body.ts).
 */
export function savedGuard(
  opened: OpenedContext,
  now: string,
): { inventory: GuardInventory; answers: SavedAnswers } {
  const rows =
    <K extends keyof GuardInventoryTable>(name: K) =>
    () =>
      opened.section(`inventory.${name}`) as GuardInventoryTable[K];
  return {
    inventory: guardInventoryOf({
      osds: rows('osds'),
      disks: rows('disks'),
      pools: rows('pools'),
      nodes: rows('nodes'),
      claims: rows('claims'),
      volumes: rows('volumes'),
      workloads: rows('workloads'),
    }),
    answers: savedAnswers(
      {
        section: (name) => opened.section(`answers.${name}`),
        part: (name, offset, bytes, sha256) =>
          opened.part(
            `answers${name === 'answers' ? '' : `.${name}`}` as ContextSection,
            offset,
            bytes,
            sha256,
          ),
      },
      now,
    ),
  };
}
