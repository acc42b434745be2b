import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { IMPACT_ORDER, type Impact } from '../../src/core/analysis/blast/model.ts';
import { InputError, UsageError } from '../../src/core/errors.ts';
import { hookReply, parseHookEvent } from '../../src/core/guard/hook.ts';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { planAsScript } from '../../src/core/guard/plan.ts';
import { harmlessAnswer, recognise } from '../../src/core/guard/recognise.ts';
import { renderGuardText } from '../../src/core/guard/render.ts';
import type { GuardGate } from '../../src/core/guard/weigh.ts';
import { nowFrom, parse, SOURCE_OPTIONS } from '../cli/args.ts';

export const HELP = `tierbook guard [SOURCE|--content DIR] [--node NODE] [--fail-on IMPACT]
               [-o json|--json] [--now ISO8601] -- COMMAND...
tierbook guard [SOURCE|--content DIR] --stdin    (a script or plan, a line each)
tierbook guard [SOURCE|--content DIR] --hook claude-code    (an event on stdin)
tierbook guard --diff BASE..HEAD | --diff OLD --diff NEW   (a manifest change)

Stops a destructive command before it runs. Reads the command (quotes, &&,
||, ;, pipes, sudo, env, bash -c, here-documents, xargs, ssh NODE, kubectl
exec/debug, kubectl rook-ceph, talosctl -n), recognises destructive steps
(ceph osd purge, wipefs, kubectl delete pvc, drain, helm uninstall, velero
backup delete, ...; docs/guard.md lists them), maps each to blast targets in
the inventory and answers with what loses data, goes dark or degrades, the
preconditions that fail and the runbook to follow instead. The inventory is
read only when a destructive step is found. One COMMAND word is read as a
shell line; several are the command's own words (as in a wrapper:
tierbook guard -- "$@" && exec "$@").
  --node NODE      the node the command runs on (for wipefs, dd, mkfs, ...)
  --fail-on IMPACT block at IMPACT or worse in any tier: data-loss, unavailable
                   or degraded (default: any data-loss, or tier 0/1 unavailable)
  -o json, --output json, --json
                   print the answer as JSON
  --stdin          read a script or a plan from stdin instead of after -- (list
                   markers, $ prompts and code fences are taken off)
  --hook claude-code
                   be a Claude Code PreToolUse hook: deny data loss, ask for
                   any other block, print nothing for the rest; every failure
                   exits 2, which blocks (docs/guard.md has the settings);
                   with no SOURCE it reads ./content when it has graph.json
  --content DIR    answer from a committed inventory (its graph.json): works
                   with the cluster down; the answer says the inventory's age
  --diff BASE..HEAD  a manifest change in the git repository here (or
                   --diff OLD --diff NEW: two folders or revisions): claims,
                   pools, workloads, CephCluster devices, classes and backups
                   removed, pool sizes lowered, judged on the BASE manifests
  --now ISO8601    measure backup ages against this time (default: now)
  --config FILE    tierbook.config.yaml (default: ./tierbook.config.yaml)
  --from PATH, --kubeconfig FILE, --context NAME, --cluster NAME
                   the SOURCE, as in tierbook blast --help (default: live)
  --partial, --timeout DUR, --request-timeout DUR, --max-bytes SIZE
                   bound the read, as in tierbook blast --help

Exit codes: 0 no known destructive step, or none at the gate; 1 blocked: an
impact at the gate, a step it cannot tell (an OSD, node or device not in the
inventory, a kernel name it cannot map, a value known only at run time), a
step to review by hand, a line it cannot parse, or a partial read; 2 bad
usage or input, internal error; 3 the cluster could not be read. A wrapper
that runs the command only on 0 never runs what the guard did not clear.
With --hook, the exit code is 0 (the decision is the JSON) or 2 (blocked).`;

/** The guard's options (one call, so the help test can read them from here). */
function parseGuard(args: string[], positionals: number) {
  return parse(
    args,
    {
      ...SOURCE_OPTIONS,
      content: { type: 'string' },
      node: { type: 'string' },
      'fail-on': { type: 'string' },
      output: { type: 'string', short: 'o' },
      json: { type: 'boolean' },
      stdin: { type: 'boolean' },
      hook: { type: 'string' },
      diff: { type: 'string', multiple: true },
    },
    positionals,
  );
}

export async function guardCommand(args: string[]): Promise<number> {
  if (args.includes('--hook') || args.some((a) => a.startsWith('--hook='))) return hookMode(args);
  const { values, positionals } = parseGuard(args, 100_000);
  if (values.hook !== undefined) throw new UsageError('--hook goes before --');
  if ((values.stdin || values.diff !== undefined) && positionals.length > 0)
    throw new UsageError('give the command after --, or --stdin, or --diff: one of them');
  const answer =
    values.diff !== undefined
      ? await (await import('./guard-diff.ts')).guardDiff(values.diff, values, gateFrom(values['fail-on']))
      : await guard(values.stdin ? planAsScript(readFileSync(0, 'utf8')) : commandText(positionals), values);
  const json = values.json === true || values.output === 'json';
  if (values.output !== undefined && values.output !== 'json')
    throw new UsageError(`-o expects json, got "${values.output}"`);
  process.stdout.write(json ? `${JSON.stringify(answer, null, 2)}\n` : renderGuardText(answer));
  return answer.decision === 'block' ? 1 : 0;
}

type Values = ReturnType<typeof parseGuard>['values'];

/** One word: a shell line. Several: argv, quoted back into one line. */
function commandText(positionals: string[]): string {
  if (positionals.length === 0) throw new UsageError('no command: tierbook guard [options] -- COMMAND...');
  if (positionals.length === 1) return positionals[0] ?? '';
  return positionals.map(shellQuote).join(' ');
}

function shellQuote(word: string): string {
  return /^[\w@%+=:,./-]+$/.test(word) ? word : `'${word.replaceAll("'", `'\\''`)}'`;
}

export function gateFrom(value: string | undefined): GuardGate {
  if (value === undefined) return null;
  if ((IMPACT_ORDER as readonly string[]).includes(value)) return value as Impact;
  throw new UsageError(`--fail-on expects one of ${IMPACT_ORDER.join(', ')}, got "${value}"`);
}

/** Recognise with no inventory first; read the inventory only when a step needs it. */
async function guard(text: string, values: Values): Promise<GuardAnswer> {
  const gate = gateFrom(values['fail-on']);
  const now = nowFrom(values.now);
  const node = values.node ?? null;
  const first = recognise(text, node);
  // Most commands are harmless: answered before the cluster, the graph or the blast radius
  // are even loaded (the modules below are imported only when a step needs them).
  if (first.steps.length === 0 && first.problems.length === 0) return harmlessAnswer(text);
  if (first.steps.length === 0) {
    const { assessWith } = await import('../../src/core/guard/weigh.ts');
    return assessWith(text, first, null, gate);
  }
  // From a committed content/: the context `inventory` saved, when it is there and current.
  const saved = await (await import('../cli/saved-decision.ts')).savedDecision(
    { text, node },
    values,
    now,
    gate,
  );
  if (saved !== null) return saved;
  const [{ assessSteps }, { guardAnswer }, { guardInventory }] = await Promise.all([
    import('../../src/core/guard/assess.ts'),
    import('../cli/guard-answer.ts'),
    import('../../src/core/guard/inventory.ts'),
  ]);
  const { loaded, analysis } = await analysedInventory(values, now);
  return guardAnswer({ text, node }, guardInventory(analysis), loaded, now, (recognised) =>
    assessSteps(text, recognised, analysis, gate),
  );
}

/** The inventory (graph.json, a dump or the cluster) and its analysis, made on the spot. */
async function analysedInventory(values: Values, now: string) {
  const { loadInventory } = await import('../cli/load-inventory.ts');
  const [loaded, { analyseCluster }] = await Promise.all([
    loadInventory(values, 'the guard may miss what depends on it'),
    import('../../src/core/index.ts'),
  ]);
  return { loaded, analysis: await analyseCluster(loaded.graph, { config: loaded.config, now }) };
}

/**
 * `--hook claude-code`: every path that is not a decision exits 2 (blocks), including bad
 * options, a bad event, an unreadable cluster and bugs; Claude Code runs the tool on any
 * other non-zero exit code, so nothing here may fail open.
 */
async function hookMode(args: string[]): Promise<number> {
  const block = (message: string) => {
    process.stderr.write(`tierbook guard: blocked, the guard could not decide: ${message}\n`);
    return 2;
  };
  process.on('uncaughtException', (e) => {
    process.exitCode = block(String(e));
  });
  try {
    const { values, positionals } = parseGuard(args, 0);
    if (values.hook !== 'claude-code') return block(`--hook expects claude-code, got "${values.hook}"`);
    if (positionals.length > 0) return block('--hook reads the event on stdin, not a command');
    const event = parseHookEvent(readFileSync(0, 'utf8'));
    if (event.tool !== 'Bash') return 0;
    const reply = hookReply(await guard(event.command, withDefaultContent(values)));
    process.stdout.write(reply.stdout);
    return reply.exitCode;
  } catch (error) {
    if (error instanceof InputError) return block(`bad input: ${error.describe()}`);
    return block(error instanceof Error ? error.message : String(error));
  }
}

/**
 * In hook mode with no SOURCE, ./content (a committed inventory) when it holds a graph.json:
 * a hook must answer when the cluster is down, which is when recovery commands are typed, and
 * must not read whatever kube context happens to be current. The answer says its age.
 */
function withDefaultContent(values: Values): Values {
  const chosen = ['from', 'content', 'kubeconfig', 'context', 'cluster'].some(
    (k) => values[k as keyof Values] !== undefined,
  );
  return chosen || !existsSync(join('content', 'graph.json')) ? values : { ...values, content: 'content' };
}
