/**
 * Runs every bench/*.bench.ts in order, each in its own process (so one benchmark's heap and
 * JIT state do not colour the next). `npm run bench`, or `npm run bench -- blast` for the
 * benchmarks whose file name contains "blast".
 */
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const filter = process.argv[2] ?? '';
const dir = import.meta.dirname;
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && name.includes(filter))
  .sort();
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n== ${name}\n`);
  const run = spawnSync(process.execPath, [join(dir, name)], { stdio: 'inherit' });
  if (run.status !== 0) failed++;
}
if (benches.length === 0) process.stdout.write(`no benchmark matches "${filter}"\n`);
process.exitCode = failed > 0 ? 1 : 0;
