import { CONFIG_SCHEMA } from '../config/config-schema.ts';
import type { JsonSchema } from '../config/schema.ts';
import { BLAST_SCHEMA, CHECK_SCHEMA, DIFF_SCHEMA, DRAFT, GUARD_SCHEMA } from './outputs.ts';
import {
  FINDINGS_PAGE,
  INVENTORY_PAGE,
  RUNBOOK_PAGE,
  STORAGE_LISTS,
  STORAGE_PAGE,
  WORKLOAD_PAGE,
} from './page.ts';
import { RUNBOOK_SCHEMA, RUNBOOKS_SCHEMA } from './runbooks.ts';

/** `tierbook.config.yaml` as JSON Schema, from the same schema the parser validates with. */
export const CONFIG_JSON_SCHEMA: JsonSchema = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  title: 'tierbook.config.yaml',
  ...CONFIG_SCHEMA.json,
};

/**
 * The front matter of a content/ page, one of five page types told apart by `type`: the same
 * shapes the core writes with and the site reads with (page.ts). Mappings are open.
 */
export const PAGE_JSON_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'content/ page front matter',
  oneOf: [INVENTORY_PAGE.json, WORKLOAD_PAGE.json, STORAGE_PAGE.json, FINDINGS_PAGE.json, RUNBOOK_PAGE.json],
};

/** A capped storage page's lists file (`content/storage/<page>.lists.json`): its lists in full. */
export const STORAGE_LISTS_JSON_SCHEMA: JsonSchema = {
  $schema: DRAFT,
  title: 'content/storage/<page>.lists.json',
  ...STORAGE_LISTS.json,
};

/** Every schema `tierbook schema NAME` prints; docs/schemas/NAME.schema.json holds each. */
export const SCHEMAS: Readonly<Record<string, JsonSchema>> = {
  config: CONFIG_JSON_SCHEMA,
  blast: BLAST_SCHEMA,
  check: CHECK_SCHEMA,
  diff: DIFF_SCHEMA,
  runbook: RUNBOOK_SCHEMA,
  runbooks: RUNBOOKS_SCHEMA,
  guard: GUARD_SCHEMA,
  page: PAGE_JSON_SCHEMA,
  'storage-lists': STORAGE_LISTS_JSON_SCHEMA,
};
