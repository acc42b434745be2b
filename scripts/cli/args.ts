import { type ParseArgsConfig, parseArgs } from 'node:util';
import { closestWord } from '../../src/core/config/suggest.ts';
import { UsageError } from '../../src/core/errors.ts';

/** Options every command that reads a cluster accepts (the contract's SOURCE). */
/** Help lines for the options every command that reads a cluster takes beside SOURCE. */
/** Help lines for SOURCE: where a command that reads a cluster reads it from. */
const SOURCE_HELP = `  --from PATH      offline, repeatable: a kubectl get -o json|yaml List, multi-document
                   YAML/JSON, a folder of them, a must-gather, a support bundle or a Flux
                   GitOps repository; without --from, the live cluster of the kubeconfig
  --kubeconfig FILE, --context NAME
                   live: the kubeconfig and context to read (default: $KUBECONFIG or
                   ~/.kube/config and its current context, else the in-cluster account)
  --cluster NAME   the cluster's name, which an inventory is published under (default:
                   the kubeconfig context, or the name of the first --from path)`;

/** Help lines for SOURCE and the read limits, in the help of every command that reads a cluster. */
export const READ_LIMITS_HELP = `${SOURCE_HELP}
  --partial        offline: skip (and list) files that cannot be parsed instead of failing;
                   the result says it is partial (files holding only kinds tierbook does not
                   use are always skipped and listed)
  --timeout DUR    live: end the whole read after DUR (default 5m; e.g. 30s, 2m, 1h): exit 3
                   naming the kinds still pending; a read past 10 s prints progress on stderr
  --request-timeout DUR
                   live: one request, connect to last byte (default 60s); a list that times
                   out twice is reported as not read, like a forbidden kind
  --max-bytes SIZE the most bytes read from one API response or one --from file (default
                   256MiB, e.g. 64MiB, 1GiB; files at most 512MiB): a response over it is
                   cut off and its kind not read; a file over it is bad input (exit 2)`;

export const SOURCE_OPTIONS = {
  from: { type: 'string', multiple: true },
  kubeconfig: { type: 'string' },
  context: { type: 'string' },
  cluster: { type: 'string' },
  now: { type: 'string' },
  config: { type: 'string' },
  partial: { type: 'boolean' },
  timeout: { type: 'string' },
  'request-timeout': { type: 'string' },
  'max-bytes': { type: 'string' },
} as const satisfies ParseArgsConfig['options'];

export function parse<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  positionals = 0,
) {
  try {
    const parsed = parseArgs({ args, options, allowPositionals: positionals > 0, strict: true });
    if (parsed.positionals.length > positionals)
      throw new UsageError(`unexpected argument: ${parsed.positionals[positionals]}`);
    return parsed;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(argsProblem(error, Object.keys(options)));
  }
}

/**
 * parseArgs's error in tierbook's words: an unknown option with the closest known one ("did
 * you mean --from?"), an option missing its value, a value given to a switch.
 */
export function argsProblem(error: unknown, known: readonly string[]): string {
  const message = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: string }).code;
  const option = /'(-{1,2}[^' <=]+)/.exec(message)?.[1] ?? '';
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
    const guess = closestWord(option.replace(/^-+/, ''), known);
    return `unknown option ${option}${guess ? ` (did you mean --${guess}?)` : ''}; ${helpHint()}`;
  }
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') {
    return /argument missing/.test(message)
      ? `option ${option} needs a value (${option} VALUE)`
      : `option ${option} takes no value`;
  }
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') {
    const argument = /'([^']*)'/.exec(message)?.[1] ?? '';
    return `unexpected argument: ${argument} (this command takes options only; ${helpHint()})`;
  }
  return message;
}

/** '"tierbook check --help" lists its options', naming the command being run. */
function helpHint(): string {
  const command = process.argv[2];
  return command && /^[a-z]+$/.test(command)
    ? `"tierbook ${command} --help" lists its options`
    : '--help lists the options';
}

/** `--now ISO8601`: fixes "now" so output is reproducible. */
export function nowFrom(value: string | undefined): string {
  if (value === undefined) return new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');
  const time = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}T/.test(value) || Number.isNaN(time)) {
    throw new UsageError(`--now expects an ISO 8601 time such as 2026-11-24T06:00:00Z, got "${value}"`);
  }
  return new Date(time).toISOString().replace(/\.\d{3}Z$/, 'Z');
}
