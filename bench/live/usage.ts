/**
 * Preloaded (`node --import`) into each Node process the live benchmark measures: at exit it
 * writes the process's peak resident set size (getrusage's ru_maxrss, what `/usr/bin/time -v`
 * reports, in KiB) and its CPU time (user and system, in seconds) to the file named by
 * BENCH_USAGE_FILE, in /usr/bin/time's `%M %U %S` format.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_USAGE_FILE;
if (file) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    writeFileSync(file, `${usage.maxRSS} ${usage.userCPUTime / 1e6} ${usage.systemCPUTime / 1e6}\n`);
  });
}
