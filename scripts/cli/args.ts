import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../../src/core/errors.ts';

/** Options every command that reads a cluster accepts (the contract's SOURCE). */
/** Help lines for the options every command that reads a cluster takes beside SOURCE. */
export const READ_LIMITS_HELP = `  --partial        offline: skip (and list) files that cannot be parsed instead of failing;
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
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
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
