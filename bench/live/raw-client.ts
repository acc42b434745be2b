/**
 * The raw baseline of the live benchmark, run as its own process: `fetch` + `JSON.parse` of
 * every list page of the given kinds, 500 a page, four kinds at a time, each kind's pages one
 * after another (the shape of tierbook's read), keeping every parsed page until the end (so its
 * memory holds the whole cluster once, as any reader must). The least a reader can cost.
 * argv: SERVER_URL LIST_PATH... (e.g. `/api/v1/pods`); env BENCH_TOKEN, NODE_EXTRA_CA_CERTS.
 * Prints the number of objects read.
 */
const [server, ...paths] = process.argv.slice(2);
const token = process.env.BENCH_TOKEN;
const headers: Record<string, string> = { Accept: 'application/json' };
if (token) headers.Authorization = `Bearer ${token}`;
const PAGE = 500;
const CONCURRENCY = 4;

interface Page {
  items?: unknown[];
  metadata?: { continue?: string };
}

const pages: Page[] = [];

async function listAll(path: string): Promise<void> {
  let token: string | undefined;
  do {
    const query = `limit=${PAGE}${token ? `&continue=${encodeURIComponent(token)}` : ''}`;
    const response = await fetch(`${server}${path}?${query}`, { headers });
    if (!response.ok) throw new Error(`GET ${path}: ${response.status}`);
    const page = JSON.parse(await response.text()) as Page;
    pages.push(page);
    token = page.metadata?.continue || undefined;
  } while (token);
}

let next = 0;
const worker = async () => {
  while (next < paths.length) await listAll(paths[next++] as string);
};
await Promise.all(Array.from({ length: CONCURRENCY }, worker));
process.stdout.write(`${pages.reduce((n, page) => n + (page.items?.length ?? 0), 0)}\n`);
