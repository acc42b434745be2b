import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { InputError } from '../../src/core/errors.ts';
import { readConfig } from '../../src/io/read-config.ts';

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'tierbook-config-'));
}

test('no --config and no tierbook.config.yaml: the defaults, no file', async () => {
  assert.deepEqual(await readConfig(undefined, tempDir()), { config: DEFAULT_CONFIG, file: null });
});

test('tierbook.config.yaml in the working directory is found', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'tierbook.config.yaml'), 'tiers:\n  2: { rpo: 12h }\n');
  const { config, file } = await readConfig(undefined, dir);
  assert.equal(file, join(dir, 'tierbook.config.yaml'));
  assert.deepEqual(config.tiers[2], { rpo: '12h', rto: '24h' });
});

test('--config FILE wins over the working directory, relative to it', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'tierbook.config.yaml'), 'tiers:\n  2: { rpo: 12h }\n');
  mkdirSync(join(dir, 'ops'));
  writeFileSync(join(dir, 'ops', 'tiers.yaml'), 'identityProviders: [pocket-id]\n');
  const { config, file } = await readConfig('ops/tiers.yaml', dir);
  assert.equal(file, join(dir, 'ops', 'tiers.yaml'));
  assert.deepEqual(config.identityProviders, ['pocket-id']);
  assert.deepEqual(config.tiers[2], DEFAULT_CONFIG.tiers[2]);
});

test('--config naming a missing file is an input error, never a silent default', async () => {
  await assert.rejects(readConfig('nope.yaml', tempDir()), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.equal(
      error.describe(),
      'nope.yaml: --config names a file that does not exist; write the path of a tierbook.config.yaml (see docs/config.md), or leave --config out to use tierbook.config.yaml in the current directory or the defaults',
    );
    return true;
  });
});

test('--config naming a directory is an input error', async () => {
  const dir = tempDir();
  await assert.rejects(readConfig('.', dir), /the configuration is a directory, not a file/);
});

test('errors in a discovered file name it as the operator knows it, with the line', async () => {
  const dir = tempDir();
  writeFileSync(join(dir, 'tierbook.config.yaml'), '# tiers\nrules:\n  - match: { name: x }\n    tier: 9\n');
  await assert.rejects(readConfig(undefined, dir), (error: unknown) => {
    assert.ok(error instanceof InputError);
    assert.match(
      error.describe(),
      /^tierbook\.config\.yaml:4: field rules\[0\]\.tier: found number 9, expected a tier/,
    );
    return true;
  });
});
