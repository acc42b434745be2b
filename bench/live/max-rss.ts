/**
 * Preloaded (`node --import`) into each Node process the live benchmark measures: at exit it
 * writes the process's peak resident set size (getrusage's ru_maxrss, what `/usr/bin/time -v`
 * reports), in KiB, to the file named by BENCH_MAXRSS_FILE.
 */
import { writeFileSync } from 'node:fs';

const file = process.env.BENCH_MAXRSS_FILE;
if (file) process.on('exit', () => writeFileSync(file, String(process.resourceUsage().maxRSS)));
