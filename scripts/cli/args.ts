import { type ParseArgsConfig, parseArgs } from 'node:util';
import { UsageError } from '../../src/core/errors.ts';

/** Options every command that reads a cluster accepts (the contract's SOURCE). */
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
