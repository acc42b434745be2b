#!/usr/bin/env node
import { UsageError } from '../src/core/errors.ts';
import { runWithExitCode } from './cli/exit.ts';

/** One table of commands; each loads its module only when run. */
const COMMANDS: Record<
  string,
  { summary: string; load: () => Promise<{ run: (args: string[]) => Promise<number>; help: string }> }
> = {
  inventory: {
    summary: 'read a cluster and write one page per workload and storage object into content/',
    load: async () => {
      const m = await import('./commands/inventory.ts');
      return { run: m.inventoryCommand, help: m.HELP };
    },
  },
  build: {
    summary: 'build the static, searchable site from content/',
    load: async () => {
      const m = await import('./commands/build.ts');
      return { run: m.buildCommand, help: m.HELP };
    },
  },
  blast: {
    summary: 'what loses data, goes dark or degrades when an OSD, disk, node or pool is lost',
    load: async () => {
      const m = await import('./commands/blast.ts');
      return { run: m.blastCommand, help: m.HELP };
    },
  },
  check: {
    summary: 'check the cluster for risks (device names, redundancy, backups); exit 1 at --fail-on',
    load: async () => {
      const m = await import('./commands/check.ts');
      return { run: m.checkCommand, help: m.HELP };
    },
  },
  guard: {
    summary: 'stop a destructive command before it runs: its blast radius, exit 1 to block',
    load: async () => {
      const m = await import('./commands/guard.ts');
      return { run: m.guardCommand, help: m.HELP };
    },
  },
  drill: {
    summary: 'record a restore drill (a runbook timeline) as evidence',
    load: async () => {
      const m = await import('./commands/drill.ts');
      return { run: m.drillCommand, help: m.HELP };
    },
  },
  runbooks: {
    summary: 'list the built-in runbooks that apply, per failure domain and workload',
    load: async () => {
      const m = await import('./commands/runbooks.ts');
      return { run: m.runbooksCommand, help: m.HELP };
    },
  },
  runbook: {
    summary: 'print one runbook bound to a target: gates first, names filled in',
    load: async () => {
      const m = await import('./commands/runbook.ts');
      return { run: m.runbookCommand, help: m.HELP };
    },
  },
  print: {
    summary: 'write one runbook bound to a target as a PDF checklist',
    load: async () => {
      const m = await import('./commands/print.ts');
      return { run: m.printCommand, help: m.HELP };
    },
  },
  diff: {
    summary: 'what changed between two inventories: blast radius grown, backups lost, findings',
    load: async () => {
      const m = await import('./commands/diff.ts');
      return { run: m.diffCommand, help: m.HELP };
    },
  },
  metrics: {
    summary: 'OpenMetrics text: findings, backup age against RPO, blast counts per failure domain',
    load: async () => {
      const m = await import('./commands/metrics.ts');
      return { run: m.metricsCommand, help: m.HELP };
    },
  },
  schema: {
    summary: 'print the JSON Schema of tierbook.config.yaml or of an -o json output',
    load: async () => {
      const m = await import('./commands/schema.ts');
      return { run: m.schemaCommand, help: m.HELP };
    },
  },
  rbac: {
    summary: 'print the read-only ClusterRole tierbook needs (get, list; never Secrets)',
    load: async () => {
      const m = await import('./commands/rbac.ts');
      return { run: m.rbacCommand, help: m.HELP };
    },
  },
  demo: {
    summary: 'inventory the built-in sample cluster, build its site and serve it',
    load: async () => {
      const m = await import('./commands/demo.ts');
      return { run: m.demoCommand, help: m.HELP };
    },
  },
  completion: {
    summary: 'print a shell completion script: bash, zsh or fish',
    load: async () => {
      const m = await import('./commands/completion.ts');
      return { run: (args) => m.completionCommand(args, COMMANDS), help: m.HELP };
    },
  },
};

const USAGE = `tierbook: know the blast radius before the destructive step.

Usage: tierbook <command> [options]
       tierbook --version

Commands:
${Object.entries(COMMANDS)
  .map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`)
  .join('\n')}

SOURCE (for commands that read a cluster):
  (nothing)            the live cluster of the kubeconfig's current context, or the in-cluster
                       service account; --kubeconfig FILE and --context NAME choose another
  --from PATH          offline, repeatable: a kubectl get -o json|yaml List, multi-document
                       YAML/JSON, a directory of them, an OpenShift/OKD must-gather folder, a
                       support bundle or a Flux GitOps repository (post-build variables applied)
  --partial            offline: skip and list files that cannot be parsed instead of failing
  --timeout DUR        live: end the whole read after DUR (default 5m), exit 3 naming what was
                       pending; a read past 10 s prints a progress line on stderr every 10 s
  --request-timeout DUR  live: one request (default 60s); a list that times out is not read
  --max-bytes SIZE     the most bytes of one API response or --from file (default 256MiB)
  --config FILE        tiers, rules, overrides (default: ./tierbook.config.yaml if present; docs/config.md)

Exit codes: 0 success; 1 drift found (inventory --check), a finding (check) or an impact
(blast) at or above --fail-on, or a command guard blocked; 2 bad usage, bad input, an output folder tierbook may not
write, or internal error, or --from input with no Pod, workload, PVC or PV in it; 3 the
cluster could not be read, or read none of those (see inventory --allow-shrink). A partial
read answers and says what it did not see (blast: assumptions; check: its header, notRead).
Run "tierbook <command> --help" or "tierbook help <command>" for a command's options.
`;

// V8's compiled code kept on disk between runs (Node's own cache in the OS temp folder;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off): start-up is paid on every command, and from the
// TypeScript source it also keeps Node's type stripping. The command modules loaded below use it.
process.getBuiltinModule('node:module').enableCompileCache?.();

await runWithExitCode(async () => {
  const [first, ...rest] = process.argv.slice(2);
  if (first === '--version' || first === '-V') {
    // Loaded here: the version is package.json's, read as every command's VERSION is.
    process.stdout.write(`${(await import('./cli/version.ts')).VERSION}\n`);
    return 0;
  }
  // "tierbook help CMD" is "tierbook CMD --help".
  const [name, ...args] = first === 'help' && rest[0] ? [rest[0], '--help'] : [first, ...rest];
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write((await import('./cli/fit-help.ts')).fitHelp(USAGE));
    return name ? 0 : 2;
  }
  const command = COMMANDS[name];
  if (!command)
    throw new UsageError(`unknown command "${name}" (commands: ${Object.keys(COMMANDS).join(', ')})`);
  const { run, help } = await command.load();
  // Words after `--` are a command's own (tierbook guard -- mkfs -h): not tierbook's help.
  const own = args.includes('--') ? args.slice(0, args.indexOf('--')) : args;
  if (own.includes('--help') || own.includes('-h')) {
    process.stdout.write(`${(await import('./cli/fit-help.ts')).fitHelp(help)}\n`);
    return 0;
  }
  return run(args);
});
