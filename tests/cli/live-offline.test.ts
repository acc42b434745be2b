import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { keepKnownKinds } from '../../src/core/graph/known-kinds.ts';
import { readContentDir } from '../../src/io/content-dir.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { startApiServer } from '../support/apiserver.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';

const run = promisify(execFile);
const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const CASES: [string, string][] = [
  ['the built-in sample cluster', join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster')],
  [
    'a k3s support bundle (replicatedhq/troubleshoot testdata)',
    '../shared/corpus/replicatedhq__troubleshoot/testdata/supportbundle/support-bundle.tar.gz.d/support-bundle',
  ],
];

for (const [name, path] of CASES) {
  test(`offline and live reads of ${name} give byte-identical content/`, async (t) => {
    const offline = keepKnownKinds(await readOffline([path]));
    const server = await startApiServer({ objects: offline.items.map((i) => i.object) });
    t.after(() => server.close());
    const dir = await mkdtemp(join(tmpdir(), 'tierbook-equal-'));
    const kubeconfig = await writeKubeconfig(dir, [{ name: 'homelab', server: server.url }]);
    const common = ['--cluster', 'homelab', '--now', '2026-11-24T06:00:00Z'];
    await run(process.execPath, [CLI, 'inventory', '--from', path, '--out', join(dir, 'offline'), ...common]);
    await run(process.execPath, [
      CLI,
      'inventory',
      '--kubeconfig',
      kubeconfig,
      '--out',
      join(dir, 'live'),
      ...common,
    ]);
    const fromFiles = await readContentDir(join(dir, 'offline'));
    const fromApi = await readContentDir(join(dir, 'live'));
    assert.ok(fromFiles.size > 3);
    assert.deepEqual([...fromApi.keys()], [...fromFiles.keys()]);
    for (const [file, text] of fromFiles) assert.equal(fromApi.get(file), text, file);
  });
}
