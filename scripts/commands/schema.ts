import { UsageError } from '../../src/core/errors.ts';
import { SCHEMAS } from '../../src/core/schemas/index.ts';
import { parse } from '../cli/args.ts';

export const HELP = `tierbook schema NAME

Prints a JSON Schema (draft 2020-12): config (tierbook.config.yaml; editors
validate it with "# yaml-language-server: $schema=…"), blast, check, diff,
runbook, runbooks or guard (what -o json prints), page (the front matter of
a content/ page) or storage-lists (the JSON file beside a storage page whose
lists are longer than it shows). The same files are in
docs/schemas/NAME.schema.json.`;

export async function schemaCommand(args: string[]): Promise<number> {
  const { positionals } = parse(args, {}, 1);
  const name = positionals[0];
  const schema = name === undefined ? undefined : SCHEMAS[name];
  if (schema === undefined)
    throw new UsageError(
      `schema expects one of ${Object.keys(SCHEMAS).join(', ')}${name ? `, got "${name}"` : ''}`,
    );
  process.stdout.write(`${JSON.stringify(schema, null, 2)}\n`);
  return 0;
}
