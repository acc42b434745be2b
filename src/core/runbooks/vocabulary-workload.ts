import { qualifiedName } from '../graph/ids.ts';
import { claimsOfWorkload, destinationText, instancesOf, protectionsOf } from './graph-facts.ts';
import { type BindContext, list, need, type Placeholder, text } from './vocabulary-model.ts';

const firstProtection = (ctx: BindContext) =>
  protectionsOf(ctx.analysis, need(ctx).id, ctx.backupSystem)[0] ?? null;
const noBackup = (ctx: BindContext, what: string) =>
  `${what} (the inventory shows no ${ctx.backupSystem ?? ''}${ctx.backupSystem ? ' ' : ''}backup of ${qualifiedName(need(ctx).id)})`;

/** The placeholders of a workload and of the backup its runbook restores from: rows of VOCABULARY. */
export const WORKLOAD_PLACEHOLDERS: readonly Placeholder[] = [
  {
    name: 'workload.kind',
    for: ['workload'],
    list: false,
    value: 'the workload kind',
    compute: (c) => ({ text: need(c).kind }),
  },
  {
    name: 'workload.namespace',
    for: ['workload'],
    list: false,
    value: 'its namespace',
    compute: (c) => ({ text: need(c).namespace }),
  },
  {
    name: 'workload.name',
    for: ['workload'],
    list: false,
    value: 'its name',
    compute: (c) => ({ text: need(c).name }),
  },
  {
    name: 'workload.instances',
    for: ['workload'],
    list: true,
    value: 'names of its pods',
    compute: (c) => list(instancesOf(c.analysis, need(c).id)),
  },
  {
    name: 'workload.pvcs',
    for: ['workload'],
    list: true,
    value: 'its claims (namespace/name)',
    compute: (c) => list(claimsOfWorkload(c.analysis, need(c).id)),
  },
  {
    name: 'backup.system',
    for: ['workload'],
    list: false,
    value:
      "the backup system that protects it: the runbook's (`appliesTo: backup/<system>`), else its first protection's; a fill-in when none",
    compute: (c) => text(firstProtection(c)?.system ?? c.backupSystem, noBackup(c, 'the backup system')),
  },
  {
    name: 'backup.name',
    for: ['workload'],
    list: false,
    value: "that protection's object or schedule (namespace/name); a fill-in when none",
    compute: (c) => {
      const p = firstProtection(c);
      return text(p ? qualifiedName(p.id) : null, noBackup(c, 'the backup to restore from'));
    },
  },
  {
    name: 'backup.destination',
    for: ['workload'],
    list: false,
    value: 'where its copies go (bucket URL, endpoint, in-cluster object); a fill-in when none or unknown',
    compute: (c) => {
      const p = firstProtection(c);
      return text(p ? destinationText(p) : null, noBackup(c, 'where the backups are kept'));
    },
  },
  {
    name: 'backup.lastSuccess',
    for: ['workload'],
    list: false,
    value: 'when it last succeeded; a fill-in when unknown',
    compute: (c) =>
      text(
        firstProtection(c)?.lastSuccess ?? null,
        'when the last backup succeeded (the inventory does not show it)',
      ),
  },
];
