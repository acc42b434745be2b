import { UsageError } from '../../src/core/errors.ts';

/** The YAML writer, loaded on first use: most runs print text or JSON, and start-up counts. */
function yaml(): typeof import('yaml') {
  return process.getBuiltinModule('node:module').createRequire(import.meta.url)('yaml');
}

/** `--json` and its kubectl-style spelling `-o json|yaml` (`--output`), for commands with data. */
export const OUTPUT_OPTIONS = {
  json: { type: 'boolean' },
  output: { type: 'string', short: 'o' },
} as const;

export const OUTPUT_HELP = `  -o, --output FMT json (the same as --json) or yaml: the same data as YAML`;

export type OutputFormat = 'text' | 'json' | 'yaml';

/** One writer per format of structured output: a table, one line to add a format. */
const WRITERS: Record<Exclude<OutputFormat, 'text'>, (data: unknown) => string> = {
  json: (data) => `${JSON.stringify(data, null, 2)}\n`,
  yaml: (data) => yaml().stringify(data, { lineWidth: 0 }),
};

export function outputFormat(values: {
  json?: boolean | undefined;
  output?: string | undefined;
}): OutputFormat {
  const { output } = values;
  if (output === undefined) return values.json ? 'json' : 'text';
  if (!(output in WRITERS)) {
    throw new UsageError(`-o/--output expects ${Object.keys(WRITERS).join(' or ')}, got "${output}"`);
  }
  if (values.json && output !== 'json') throw new UsageError(`--json and -o ${output} ask for two formats`);
  return output as OutputFormat;
}

/** The data in `format` (json or yaml). */
export function structured(data: unknown, format: Exclude<OutputFormat, 'text'>): string {
  return WRITERS[format](data);
}
