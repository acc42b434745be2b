import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { DEFAULT_CONFIG } from '../core/config/defaults.ts';
import type { TierbookConfig } from '../core/config/model.ts';
import { parseConfigText } from '../core/config/parse-text.ts';
import { InputError } from '../core/errors.ts';

export const CONFIG_FILE_NAME = 'tierbook.config.yaml';

/**
 * The configuration for a run: `--config FILE` (which must exist), else tierbook.config.yaml
 * in `cwd` when there is one, else the defaults. `file` is the absolute path read, or null.
 */
export async function readConfig(
  explicitPath: string | undefined,
  cwd: string,
): Promise<{ config: TierbookConfig; file: string | null }> {
  if (explicitPath !== undefined) {
    const file = resolve(cwd, explicitPath);
    const text = await readText(file);
    if (text === null) {
      throw new InputError(
        `--config names a file that does not exist; write the path of a tierbook.config.yaml (see docs/config.md), or leave --config out to use ${CONFIG_FILE_NAME} in the current directory or the defaults`,
        { from: { file: explicitPath } },
      );
    }
    return { config: parseConfigText(text, explicitPath), file };
  }
  const file = join(cwd, CONFIG_FILE_NAME);
  const text = await readText(file);
  if (text === null) return { config: structuredClone(DEFAULT_CONFIG), file: null };
  return { config: parseConfigText(text, CONFIG_FILE_NAME), file };
}

/** The file's text, or null when there is no such file. Other errors (a directory, no permission) are input errors. */
async function readText(file: string): Promise<string | null> {
  try {
    return await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return null;
    const reason =
      code === 'EISDIR' ? 'is a directory, not a file' : `cannot be read (${code ?? String(error)})`;
    throw new InputError(`the configuration ${reason}`, { from: { file } });
  }
}
