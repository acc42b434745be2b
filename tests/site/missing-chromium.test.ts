import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import { MissingToolError } from '../../src/core/errors.ts';
import { openMermaidRenderer } from '../../src/io/mermaid-renderer.ts';

test('with no Chromium and nothing cached, drawing stops with a message that says what to install', async () => {
  const cacheDir = await mkdtemp(path.join(tmpdir(), 'tierbook-cache-'));
  const before = process.env.TIERBOOK_CHROMIUM;
  process.env.TIERBOOK_CHROMIUM = path.join(cacheDir, 'no-such-chromium');
  const renderer = openMermaidRenderer({ cacheDir });
  try {
    await assert.rejects(renderer.renderAll(['flowchart LR\n  a --> b']), (error: unknown) => {
      assert.ok(error instanceof MissingToolError);
      assert.match(error.message, /apt-get install -y chromium fonts-dejavu-core/);
      assert.match(error.message, /TIERBOOK_CHROMIUM/);
      return true;
    });
  } finally {
    await renderer.close();
    if (before === undefined) delete process.env.TIERBOOK_CHROMIUM;
    else process.env.TIERBOOK_CHROMIUM = before;
    await rm(cacheDir, { recursive: true, force: true });
  }
});
