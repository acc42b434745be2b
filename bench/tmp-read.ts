import { readContentDir } from '../src/io/content-dir.ts';
import { readContent } from '../src/site/data/read-content.ts';

const dir = process.argv[2] as string;
const t0 = performance.now();
const c0 = process.cpuUsage();
const files = await readContentDir(dir);
const t1 = performance.now();
const content = readContent(files);
const t2 = performance.now();
const c = process.cpuUsage(c0);
const sizes = content.storage
  .map((s) => s.workloads.length + (s.blast?.impacts.length ?? 0))
  .reduce((a, b) => a + b, 0);
console.log(
  dir,
  `read ${(t1 - t0).toFixed(0)} ms, parse ${(t2 - t1).toFixed(0)} ms, cpu ${((c.user + c.system) / 1000).toFixed(0)} ms, entries ${sizes}`,
);
