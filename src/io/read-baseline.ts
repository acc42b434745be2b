import { readFile } from 'node:fs/promises';
import { type Baseline, parseBaseline } from '../core/analysis/checks/baseline.ts';
import { InputError } from '../core/errors.ts';

/** `--baseline FILE`: a saved `tierbook check --json`. */
export async function readBaseline(file: string): Promise<Baseline> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new InputError(`cannot read the baseline: ${reason}`, { from: { file } });
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new InputError(`not JSON: ${error instanceof Error ? error.message : String(error)}`, {
      from: { file },
    });
  }
  return parseBaseline(raw, file);
}
