import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import {
  CANARY,
  canaryCluster,
  DESTINATION_HOSTS,
  NUMBER_CANARY,
  wrongTypedInputs,
} from './canary-cluster.ts';

/**
 * Canary secrets planted everywhere a cluster carries them (canary-cluster.ts) must appear in
 * no output: content/, every stdout and stderr (JSON and text), the built site, its Pagefind
 * index (gzip'd fragments and index chunks, unpacked here) and the diagram cache.
 */
const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const NOW = '2026-11-24T06:00:00Z';
const CHROMIUM = process.env.TIERBOOK_CHROMIUM ?? '/usr/bin/chromium';
const SECRET_DATA_BASE64 = Buffer.from(`${CANARY}-secret-data`).toString('base64');

interface Output {
  name: string;
  text: string;
}

let dir = '';
let cluster = '';
let content = '';
const outputs: Output[] = [];

function tierbook(args: string[], env: Record<string, string> = {}) {
  const run = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ...env },
    maxBuffer: 64 * 1024 * 1024,
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Runs tierbook and keeps its stdout and stderr for the grep. */
function recorded(args: string[], env: Record<string, string> = {}) {
  const run = tierbook(args, env);
  const name = `tierbook ${args.map((a) => a.replace(dir, '$TMP')).join(' ')}`;
  outputs.push(
    { name: `${name} (stdout)`, text: run.stdout },
    { name: `${name} (stderr)`, text: run.stderr },
  );
  return run;
}

/** Every file under `root` as text; gzip'd files (Pagefind's) are unpacked first. */
async function filesUnder(root: string): Promise<Output[]> {
  const found: Output[] = [];
  for (const entry of await readdir(root, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    let bytes = await readFile(path);
    if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes);
    found.push({ name: relative(dir, path), text: bytes.toString('latin1') });
  }
  return found;
}

/** `where: what` for every canary in `texts` (case-insensitive: hosts are lower-cased). */
function leaks(texts: Output[]): string[] {
  const pattern = new RegExp(`${CANARY}[-\\w]*|${NUMBER_CANARY}|${SECRET_DATA_BASE64}`, 'gi');
  return texts.flatMap(({ name, text }) =>
    [...new Set(text.match(pattern) ?? [])].map((m) => `${name}: ${m}`),
  );
}

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'tierbook-canary-'));
  cluster = join(dir, 'cluster.yaml');
  content = join(dir, 'content');
  await writeFile(cluster, canaryCluster());
  const inventory = recorded(['inventory', '--from', cluster, '--out', content, '--now', NOW]);
  assert.equal(inventory.code, 0, inventory.stderr);
});

after(() => rm(dir, { recursive: true, force: true }));

test('no canary in content/, check or blast output (JSON and text)', async () => {
  const from = ['--from', cluster, '--now', NOW];
  recorded(['check', ...from, '--json', '--fail-on', 'none']);
  recorded(['check', ...from, '--fail-on', 'none']);
  for (const target of ['pvc/apps/web-data', 'storageclass/standard', 'storageclass/longhorn']) {
    const blast = recorded(['blast', target, ...from, '--json']);
    assert.equal(blast.code, 0, blast.stderr);
    recorded(['blast', target, ...from]);
  }
  recorded(['blast', ...from]);
  recorded(['blast', 'workload/apps/Deployment/web', '--outage', ...from, '--json']);
  recorded(['blast', 'pvc/apps/files', '--content', content, '--json', '--now', NOW]);
  const pages = await filesUnder(content);
  assert.deepEqual(leaks([...pages, ...outputs]), []);

  // The URLs were read and recorded (the test would pass vacuously otherwise): each adapter's
  // destination host is in content/, its credentials redacted.
  const all = pages.map((p) => p.text).join('\n');
  for (const host of DESTINATION_HOSTS) assert.ok(all.includes(host), `${host} is in content/`);
  assert.match(all, /https:\/\/REDACTED@velero-s3\.example\.com\/\?X-Amz-Signature=REDACTED/);
});

test('wrong-typed values in fields that may hold secrets are named by path and type, never quoted', async () => {
  const seen: Output[] = [];
  for (const [file, text] of Object.entries(wrongTypedInputs())) {
    const path = join(dir, file);
    await writeFile(path, text);
    const run = tierbook(['check', '--from', path, '--now', NOW]);
    assert.equal(run.code, 2, `${file}: ${run.stderr}`);
    assert.match(run.stderr, new RegExp(`${file}:\\d+: Deployment apps/wrong: field \\S+: expected`), file);
    seen.push({ name: `${file} (stderr)`, text: run.stderr }, { name: `${file} (stdout)`, text: run.stdout });
  }
  assert.deepEqual(leaks(seen), []);
});

test('the built site, its search index and the diagram cache carry no canary', {
  skip: existsSync(CHROMIUM) ? false : `no Chromium at ${CHROMIUM}`,
}, async () => {
  const site = join(dir, 'site');
  const cache = join(dir, 'cache');
  const build = recorded(['build', '--content', content, '--out', site], { TIERBOOK_CACHE_DIR: cache });
  assert.equal(build.code, 0, build.stderr);
  const files = [...(await filesUnder(site)), ...(await filesUnder(cache))];
  assert.ok(
    files.some((f) => f.name.includes('pagefind/fragment/')),
    'the search index was built',
  );
  assert.ok(
    files.some((f) => f.name.startsWith('cache/mermaid/')),
    'the diagram cache was written',
  );
  assert.ok(
    files.some((f) => f.name.includes('pagefind/') && f.text.includes('velero-s3.example.com')),
    'the search index holds the redacted URL',
  );
  assert.deepEqual(leaks([...files, ...outputs.slice(-2)]), []);
});
