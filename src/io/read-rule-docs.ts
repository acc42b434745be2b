import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * tierbook's rule docs (docs/rules/*.md, shipped with the package) as file name → text, for
 * the site's rule pages. A missing folder reads as none: the findings then carry no doc link.
 */
export async function readRuleDocs(dir: string): Promise<Map<string, string>> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith('.md')).sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return new Map();
    throw error;
  }
  return new Map(
    await Promise.all(names.map(async (n) => [n, await readFile(join(dir, n), 'utf8')] as const)),
  );
}
