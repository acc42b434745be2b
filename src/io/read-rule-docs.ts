import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * tierbook's rule docs (docs/rules/*.md, shipped with the package) as file name → text, for
 * the site's rule pages. They ship with tierbook: a missing folder is a broken installation or
 * a wrong path, said as such (read quietly as none, it once dropped every rule page unseen).
 */
export async function readRuleDocs(dir: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT')
      throw new Error(
        `tierbook's rule docs are not at ${dir} (TIERBOOK_RULES_DIR or the package's docs/rules)`,
      );
    throw error;
  }
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)),
  );
}
