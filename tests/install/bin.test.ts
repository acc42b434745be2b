import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'tierbook.js');
const VERSION = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version as string;
const SYSTEM_NODE_20 = '/usr/bin/node';

test('in a clone, the command on Node 20 (/usr/bin/node) runs itself on the node devDependency', {
  skip: !existsSync(SYSTEM_NODE_20) && 'no /usr/bin/node here',
}, () => {
  const old = spawnSync(SYSTEM_NODE_20, ['--version'], { encoding: 'utf8' }).stdout.trim();
  assert.ok(!/^v2[4-9]\./.test(old), `/usr/bin/node is ${old}, not an old Node`);
  const run = spawnSync(SYSTEM_NODE_20, [BIN, '--version'], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  assert.equal(run.stdout, `${VERSION}\n`);
  assert.equal(run.stderr, '');
});

test('the command is plain JavaScript: Node 20 parses it without type stripping', {
  skip: !existsSync(SYSTEM_NODE_20) && 'no /usr/bin/node here',
}, () => {
  const run = spawnSync(SYSTEM_NODE_20, ['--check', BIN], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
});
