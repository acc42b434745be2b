import { UsageError } from '../../src/core/errors.ts';
import { parse } from '../cli/args.ts';

export const HELP = `tierbook completion bash|zsh|fish

Prints a shell completion script: commands, and each command's options (taken from its help).
  bash   source <(tierbook completion bash)       (or save it in
         ~/.local/share/bash-completion/completions/tierbook)
  zsh    tierbook completion zsh > "\${fpath[1]}/_tierbook"
  fish   tierbook completion fish > ~/.config/fish/completions/tierbook.fish`;

/** What completion needs of the command table: each name and its help text. */
export type CommandHelp = Record<string, { summary: string; load: () => Promise<{ help: string }> }>;

interface Completions {
  commands: { name: string; summary: string; options: string[] }[];
}

/** One script writer per shell: a table, one line to add a shell. */
const SHELLS: Record<string, (c: Completions) => string> = {
  bash: bashScript,
  zsh: zshScript,
  fish: fishScript,
};

export async function completionCommand(args: string[], commands: CommandHelp): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const shell = positionals[0];
  const write = shell ? SHELLS[shell] : undefined;
  if (!write) {
    throw new UsageError(
      `completion expects a shell: ${Object.keys(SHELLS).join(', ')}${shell ? ` (got "${shell}")` : ''}`,
    );
  }
  process.stdout.write(write(await completionsOf(commands)));
  return 0;
}

/** Every command with the options its help names (`--out`, `--fail-on`, …), plus --help. */
export async function completionsOf(commands: CommandHelp): Promise<Completions> {
  const list = [];
  for (const [name, c] of Object.entries(commands)) {
    const { help } = await c.load();
    const named: string[] = help.match(/(?<![\w-])--[a-z][a-z-]*/g) ?? [];
    // A command that reads a cluster takes the SOURCE options of the main help as well.
    const source = named.includes('--from') ? ['--kubeconfig', '--context'] : [];
    const options = [...new Set([...named, ...source, '--help'])].sort();
    list.push({ name, summary: c.summary, options });
  }
  return { commands: list };
}

function bashScript(c: Completions): string {
  const cases = c.commands.map((cmd) => `    ${cmd.name}) opts="${cmd.options.join(' ')}" ;;`).join('\n');
  return `# bash completion for tierbook (tierbook completion bash)
_tierbook() {
  local cur="\${COMP_WORDS[COMP_CWORD]}" opts
  if [ "$COMP_CWORD" -eq 1 ]; then
    COMPREPLY=($(compgen -W "${c.commands.map((cmd) => cmd.name).join(' ')} --help --version" -- "$cur"))
    return
  fi
  case "\${COMP_WORDS[1]}" in
${cases}
    *) opts="" ;;
  esac
  if [[ "$cur" == -* ]]; then
    COMPREPLY=($(compgen -W "$opts" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -- "$cur"))
  fi
}
complete -o filenames -F _tierbook tierbook kubectl-tierbook
`;
}

function zshScript(c: Completions): string {
  const quote = (text: string) => text.replace(/'/g, "'\\''").replace(/:/g, '\\:');
  const commands = c.commands.map((cmd) => `    '${cmd.name}:${quote(cmd.summary)}'`).join('\n');
  const cases = c.commands
    .map(
      (cmd) =>
        `    ${cmd.name}) _arguments ${cmd.options.map((o) => `'${o}[]'`).join(' ')} '*:file:_files' ;;`,
    )
    .join('\n');
  return `#compdef tierbook kubectl-tierbook
# zsh completion for tierbook (tierbook completion zsh)
_tierbook() {
  local -a commands
  commands=(
${commands}
  )
  if (( CURRENT == 2 )); then
    _describe 'command' commands
    return
  fi
  case "$words[2]" in
${cases}
  esac
}
compdef _tierbook tierbook kubectl-tierbook
`;
}

function fishScript(c: Completions): string {
  const quote = (text: string) => `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
  const names = c.commands.map((cmd) => cmd.name).join(' ');
  const lines = [
    '# fish completion for tierbook (tierbook completion fish)',
    'complete -c tierbook -f',
    ...c.commands.map(
      (cmd) =>
        `complete -c tierbook -n 'not __fish_seen_subcommand_from ${names}' -a ${cmd.name} -d ${quote(cmd.summary)}`,
    ),
    ...c.commands.flatMap((cmd) =>
      cmd.options.map(
        (o) => `complete -c tierbook -n '__fish_seen_subcommand_from ${cmd.name}' -F -l ${o.slice(2)}`,
      ),
    ),
    '',
  ];
  return lines.join('\n');
}
