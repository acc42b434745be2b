import { TIERS } from '../tier.ts';
import { CONFIG_SCHEMA } from './config-schema.ts';
import { DEFAULT_CONFIG } from './defaults.ts';
import type { TierbookConfig } from './model.ts';
import type { PathPart } from './schema.ts';

/**
 * Validates a parsed tierbook.config.yaml (`raw`: what the YAML parser returned; null or
 * undefined for an empty file) and fills in the defaults. Throws an InputError naming `file`,
 * the field path and what to write; `locate` (path → line) adds the line when the caller knows.
 * A rule or override without a reason gets "" (the classifier says which entry matched).
 */
export function parseConfig(
  raw: unknown,
  file: string,
  locate?: (path: readonly PathPart[]) => number | undefined,
): TierbookConfig {
  if (raw === null || raw === undefined) return structuredClone(DEFAULT_CONFIG);
  const given = CONFIG_SCHEMA.parse(raw, [], { file, docsSection, ...(locate ? { locate } : {}) });
  const tiers = structuredClone(DEFAULT_CONFIG.tiers);
  for (const tier of TIERS) Object.assign(tiers[tier], given.tiers?.[tier] ?? {});
  return {
    tiers,
    rules: (given.rules ?? []).map((rule) => ({
      // `match` and `tier` are required fields: the schema has checked they are there.
      match: { ...rule.match },
      tier: rule.tier ?? 4,
      reason: rule.reason ?? '',
    })),
    overrides: (given.overrides ?? []).map((o) => ({
      workload: o.workload ?? '',
      tier: o.tier ?? 4,
      reason: o.reason ?? '',
    })),
    identityProviders: [...(given.identityProviders ?? [])],
    backupTargets: (given.backupTargets ?? []).map((t) => ({
      match: t.match ?? '',
      where: t.where ?? 'in-cluster',
    })),
    accept: (given.accept ?? []).map((a) => ({
      rule: a.rule ?? '',
      object: a.object ?? '',
      reason: a.reason ?? '',
      who: a.who ?? null,
      until: a.until ?? null,
    })),
  };
}

/** docs/config.md has one section per top-level field; an unknown field gets the page. */
function docsSection(path: readonly PathPart[]): string {
  const top = path[0];
  return typeof top === 'string' && top in CONFIG_SCHEMA.fields ? `#${top.toLowerCase()}` : '';
}
