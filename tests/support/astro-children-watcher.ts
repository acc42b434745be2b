/**
 * A worker thread that polls `workerData.pid`'s Astro build children every millisecond, on a
 * thread of its own (the watched thread may run synchronous code meanwhile). Posts 'watching'
 * after its first poll, then every pid it saw when told to stop, or after 60 s.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { astroChildren } from './astro-children.ts';

const { pid } = workerData as { pid: number };
const seen = new Set<number>();
let stop = false;
parentPort?.on('message', () => {
  stop = true;
});
const started = Date.now();
const poll = (): void => {
  if (stop || Date.now() - started > 60_000) {
    parentPort?.postMessage([...seen]);
    return;
  }
  for (const child of astroChildren(pid)) seen.add(child);
  setTimeout(poll, 1);
};
poll();
parentPort?.postMessage('watching');
