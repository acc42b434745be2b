import type { TierbookConfig } from './model.ts';

/**
 * The configuration with no tierbook.config.yaml: the tier table of ARCHITECTURE.md section 3
 * and no rules, overrides or hints. Frozen: every analysis shares it.
 */
export const DEFAULT_CONFIG: TierbookConfig = deepFreeze({
  tiers: {
    0: { rpo: '15m', rto: '1h' },
    1: { rpo: '1h', rto: '4h' },
    2: { rpo: '24h', rto: '24h' },
    3: { rpo: 'best-effort', rto: '72h' },
    4: { rpo: 'none', rto: 'redeploy' },
  },
  rules: [],
  overrides: [],
  identityProviders: [],
  backupTargets: [],
  accept: [],
});

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}
