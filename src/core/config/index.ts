export { DEFAULT_CONFIG } from './defaults.ts';
export { isDuration, NO_TARGET_WORDS, parseDuration } from './duration.ts';
export type { TierbookConfig, TierRuleConfig } from './model.ts';
export { parseConfig } from './parse.ts';
export { parseConfigText } from './parse-text.ts';
export type { PathPart } from './schema.ts';
