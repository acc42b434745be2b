import { basename, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const twoUp = resolve(here, '..', '..');

/**
 * tierbook's own folder (package.json, astro.config.mjs, src/, public/): two up from src/io
 * when run from source, three up from lib/src/io when run from the built JavaScript.
 */
export const PACKAGE_ROOT = basename(twoUp) === 'lib' ? dirname(twoUp) : twoUp;

/** `.ts` when running from source, `.js` from the build: for paths to sibling modules. */
export const MODULE_EXT = import.meta.url.endsWith('.ts') ? '.ts' : '.js';
