/**
 * The readers the live benchmark (bench/live.bench.ts) measures against one served cluster, each
 * its own process, each with the check of what it read: (a) raw, `fetch` + `JSON.parse`; (b) the
 * real kubectl (left out when /usr/bin/kubectl is absent); (c) tierbook's live read alone;
 * (d) `tierbook inventory --kubeconfig …`; (e) the floor, what no inventory writing the same
 * content/ can skip (bench/live/floor.ts, decision 102). Listed in the order they run: the floor
 * writes the pages the inventory of the same round wrote.
 */
import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { type Measured, measure } from './measure.ts';
import type { ServedCluster } from './served-cluster.ts';

export const KUBECTL = '/usr/bin/kubectl';
const ROOT = join(import.meta.dirname, '..', '..');
const NOW = '2026-11-24T06:00:00Z';
const TIMEOUT_MS = 10 * 60_000;

export type ReaderId = 'raw' | 'kubectl' | 'read' | 'inventory' | 'floor';

export interface Reader {
  id: ReaderId;
  label: string;
  run: (round: number) => Promise<Measured & { analysedWallMs?: number }>;
  /** Checks what it read (throws when it is not every object the server holds). */
  verify: (measured: Measured, round: number) => Promise<void>;
}

/** Every reader, for a server holding `cluster`; their scratch files go in `scratch`. */
export function readersFor(cluster: ServedCluster, scratch: string): Reader[] {
  const env = { PATH: process.env.PATH ?? '', HOME: scratch };
  const node = { env, node: true, scratch, timeoutMs: TIMEOUT_MS };
  let objects = -1;
  const expect = (who: string, count: number) => {
    if (count !== objects) throw new Error(`${who} read ${count} objects, raw read ${objects}`);
  };
  const readers: Reader[] = [
    {
      id: 'raw',
      label: 'raw: `fetch` + `JSON.parse`, 500 a page, 4 at a time',
      run: () =>
        measure(
          join(import.meta.dirname, 'raw-client.ts'),
          [cluster.server.url, ...cluster.served.map((kind) => kind.listPath)],
          {
            ...node,
            env: {
              ...env,
              ...(cluster.caFile ? { NODE_EXTRA_CA_CERTS: cluster.caFile } : {}),
              ...(cluster.token ? { BENCH_TOKEN: cluster.token } : {}),
            },
          },
        ),
      verify: async (m) => {
        const count = Number((await readFile(m.stdoutFile, 'utf8')).trim());
        if (objects >= 0) expect('raw', count);
        objects = count;
        if (objects !== cluster.objects) throw new Error(`raw read ${objects} of ${cluster.objects} objects`);
      },
    },
  ];
  if (existsSync(KUBECTL)) {
    const kinds = cluster.served.map((kind) => kind.kubectlName).join(',');
    readers.push({
      id: 'kubectl',
      label: `\`kubectl get <the same ${cluster.served.length} kinds> -A -o json --chunk-size=500\``,
      run: () =>
        measure(
          KUBECTL,
          ['--kubeconfig', cluster.kubeconfig, 'get', kinds, '-A', '-o', 'json', '--chunk-size=500'],
          {
            env: { ...env, KUBECACHEDIR: join(scratch, 'kube-cache') },
            node: false,
            scratch,
            timeoutMs: TIMEOUT_MS,
          },
        ),
      verify: async (m) => {
        const list = JSON.parse(await readFile(m.stdoutFile, 'utf8')) as { items: unknown[] };
        expect('kubectl', list.items.length);
      },
    });
  }
  const out = (round: number) => join(scratch, `content-${round}`);
  readers.push(
    {
      id: 'read',
      label: "tierbook's live read alone (`readSource`, nothing built)",
      run: () => measure(join(import.meta.dirname, 'read-only.ts'), [cluster.kubeconfig], node),
      verify: async (m) => {
        const [items = -1, unread = -1] = (await readFile(m.stdoutFile, 'utf8'))
          .trim()
          .split(' ')
          .map(Number);
        if (unread !== 0) throw new Error(`tierbook's read left ${unread} kinds unread`);
        expect("tierbook's read", items);
      },
    },
    {
      id: 'inventory',
      label: '`tierbook inventory --kubeconfig …` (read, graph, analyses, content/)',
      run: (round) =>
        measure(
          join(ROOT, 'scripts', 'tierbook.ts'),
          ['inventory', '--kubeconfig', cluster.kubeconfig, '--out', out(round), '--now', NOW],
          node,
        ),
      verify: async (_m, round) => {
        // The page every inventory writes; its absence would mean nothing was written.
        await readFile(join(out(round), 'index.md'), 'utf8');
      },
    },
    {
      id: 'floor',
      label:
        "floor: tierbook's live read, graph and analysis + writing the inventory's pages (timed inside the process; no page made)",
      run: async (round) => {
        const m = await measure(
          join(import.meta.dirname, 'floor.ts'),
          [cluster.kubeconfig, out(round), join(scratch, `floor-${round}`)],
          node,
        );
        // Its own spans, not the process's: reading the inventory's pages into memory is not counted.
        const own = await floorOutput(m);
        return {
          ...m,
          wallMs: own.wallMs,
          cpuMs: own.cpuMs,
          maxRssBytes: own.rssBytes,
          analysedWallMs: own.analysedWallMs,
        };
      },
      verify: async (m, round) => {
        const { items, pages } = await floorOutput(m);
        expect("the floor's read", items);
        if (pages < 1) throw new Error(`the floor wrote no pages from ${out(round)}`);
        await rm(out(round), { recursive: true, force: true });
        await rm(join(scratch, `floor-${round}`), { recursive: true, force: true });
      },
    },
  );
  return readers;
}

/** What bench/live/floor.ts prints: one JSON line. */
async function floorOutput(m: Measured): Promise<{
  items: number;
  pages: number;
  wallMs: number;
  cpuMs: number;
  analysedWallMs: number;
  rssBytes: number;
}> {
  return JSON.parse(await readFile(m.stdoutFile, 'utf8'));
}
