/**
 * Writes the sample cluster to src/sample/cluster/ (`npx node src/sample/generate.ts`), or with
 * `--check` only reports whether the committed files are what the generator produces.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderSampleCluster } from './sample-cluster.ts';

const dir = join(import.meta.dirname, 'cluster');
const check = process.argv.includes('--check');
const files = renderSampleCluster();
const stale: string[] = [];

for (const [name, text] of files) {
  const path = join(dir, name);
  let current: string | undefined;
  try {
    current = readFileSync(path, 'utf8');
  } catch {
    current = undefined;
  }
  if (current === text) continue;
  stale.push(name);
  if (!check) writeFileSync(path, text);
}
const extra = readdirSync(dir).filter((name) => name.endsWith('.yaml') && !files.has(name));
stale.push(...extra.map((name) => `${name} (not generated)`));

if (check && stale.length > 0) {
  console.error(
    `src/sample/cluster is out of date: ${stale.join(', ')}. Run: npx node src/sample/generate.ts`,
  );
  process.exitCode = 1;
} else {
  console.log(stale.length === 0 ? 'sample cluster up to date' : `wrote ${stale.join(', ')}`);
}
