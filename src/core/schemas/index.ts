import { CONFIG_SCHEMA } from '../config/config-schema.ts';
import type { JsonSchema } from '../config/schema.ts';
import { BLAST_SCHEMA, CHECK_SCHEMA, DIFF_SCHEMA } from './outputs.ts';
import { RUNBOOK_SCHEMA, RUNBOOKS_SCHEMA } from './runbooks.ts';

/** `tierbook.config.yaml` as JSON Schema, from the same schema the parser validates with. */
export const CONFIG_JSON_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'tierbook.config.yaml',
  ...CONFIG_SCHEMA.json,
};

/** Every schema `tierbook schema NAME` prints; docs/schemas/NAME.schema.json holds each. */
export const SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  config: CONFIG_JSON_SCHEMA,
  blast: BLAST_SCHEMA,
  check: CHECK_SCHEMA,
  diff: DIFF_SCHEMA,
  runbook: RUNBOOK_SCHEMA,
  runbooks: RUNBOOKS_SCHEMA,
};
