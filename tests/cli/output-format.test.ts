import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';

const CLI = join(import.meta.dirname, '..', '..', 'scripts', 'tierbook.ts');
const SAMPLE = ['--from', join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster')];
const NOW = ['--now', '2026-11-24T06:00:00Z'];

function tierbook(...args: string[]) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

for (const command of [
  ['blast', 'osd/3'],
  ['blast', 'node/k8s-2', '--outage'],
]) {
  test(`${command.join(' ')}: -o json is --json, byte for byte; -o yaml is the same data`, () => {
    const json = tierbook(...command, ...SAMPLE, ...NOW, '--json');
    assert.equal(json.code, 0, json.stderr);
    const o = tierbook(...command, ...SAMPLE, ...NOW, '-o', 'json');
    assert.equal(o.code, json.code);
    assert.equal(o.stdout, json.stdout);
    const yaml = tierbook(...command, ...SAMPLE, ...NOW, '--output', 'yaml');
    assert.equal(yaml.code, json.code);
    assert.deepEqual(parse(yaml.stdout), JSON.parse(json.stdout));
  });
}

test('-o with another format, or --json with -o yaml, is a usage error', () => {
  const bad = tierbook('blast', 'osd/3', ...SAMPLE, '-o', 'xml');
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /-o\/--output expects json or yaml, got "xml"/);
  const both = tierbook('blast', 'osd/3', ...SAMPLE, '--json', '-o', 'yaml');
  assert.equal(both.code, 2);
  assert.match(both.stderr, /--json and -o yaml ask for two formats/);
});
