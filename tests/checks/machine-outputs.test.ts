import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { RULES } from '../../src/core/analysis/checks/index.ts';
import { ROOT, SAMPLE, scratch, tierbook } from '../reliability/support.ts';

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: {
    physicalLocation?: { artifactLocation: { uri: string }; region: { startLine: number } };
    logicalLocations: { fullyQualifiedName: string }[];
  }[];
  partialFingerprints: Record<string, string>;
  baselineState?: string;
}
interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string }[] } }; results: SarifResult[] }[];
}

const run = async (...args: string[]) => {
  const r = await tierbook(['check', '--from', SAMPLE, ...args]);
  return { ...r, json: () => JSON.parse(r.stdout) };
};

test('check -o sarif: SARIF 2.1.0 whose results point at the manifest line of their object', async () => {
  const r = await run('--now', '2026-11-24T06:00:00Z', '-o', 'sarif');
  assert.equal(r.code, 1, 'the exit code still gates on --fail-on');
  const sarif = r.json() as Sarif;
  assert.equal(sarif.version, '2.1.0');
  const [only] = sarif.runs;
  assert.ok(only);
  assert.equal(only.tool.driver.name, 'tierbook');
  assert.deepEqual(
    only.tool.driver.rules.map((x) => x.id),
    RULES.map((x) => x.meta.id),
  );
  const plain = JSON.parse((await run('--now', '2026-11-24T06:00:00Z', '--json')).stdout) as {
    findings: unknown[];
  };
  assert.equal(only.results.length, plain.findings.length);
  for (const result of only.results) {
    assert.equal(only.tool.driver.rules[result.ruleIndex]?.id, result.ruleId);
    assert.ok(['error', 'warning', 'note'].includes(result.level));
    const [location] = result.locations;
    const physical = location?.physicalLocation;
    assert.ok(physical, `${result.ruleId}: offline input has a file location`);
    const { uri } = physical.artifactLocation;
    assert.match(uri, /^src\/sample\/cluster\/[a-z-]+\.yaml$/, 'relative to the repository root');
    const lines = readFileSync(join(ROOT, uri), 'utf8').split('\n');
    const name = location.logicalLocations[0]?.fullyQualifiedName.split('/').at(-1) ?? '';
    const object = lines.slice(physical.region.startLine - 1, physical.region.startLine + 40).join('\n');
    assert.ok(object.includes(`name: ${name}`), `${uri}:${physical.region.startLine} is ${name}`);
  }
});

test('SARIF fingerprints survive a later run (ages and times change), and --baseline marks new and unchanged', async () => {
  const first = (await run('--now', '2026-11-24T06:00:00Z', '-o', 'sarif')).json() as Sarif;
  const later = (await run('--now', '2026-11-24T09:30:00Z', '-o', 'sarif')).json() as Sarif;
  const prints = (s: Sarif) =>
    new Set(s.runs[0]?.results.map((x) => x.partialFingerprints['tierbookFinding/v1']));
  // A finding still there later keeps its fingerprint (a backup that went stale since is new).
  for (const print of prints(first)) assert.ok(prints(later).has(print), print);
  assert.equal(prints(first).size, first.runs[0]?.results.length, 'one fingerprint per finding');

  const dir = await scratch();
  try {
    const base = join(dir, 'baseline.json');
    const json = JSON.parse(
      (await run('--now', '2026-11-24T06:00:00Z', '--json', '--fail-on', 'none')).stdout,
    ) as {
      findings: unknown[];
    };
    await writeFile(base, JSON.stringify({ findings: json.findings.slice(1) }));
    const marked = (
      await run('--now', '2026-11-24T06:00:00Z', '-o', 'sarif', '--baseline', base)
    ).json() as Sarif;
    const states = marked.runs[0]?.results.map((x) => x.baselineState) ?? [];
    assert.equal(states.filter((s) => s === 'new').length, 1);
    assert.equal(states.filter((s) => s === 'unchanged').length, json.findings.length - 1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

test('check -o junit: one suite per rule, failures exactly the findings at --fail-on, well-formed', async () => {
  const r = await run('--now', '2026-11-24T06:00:00Z', '-o', 'junit', '--fail-on', 'high');
  const json = JSON.parse((await run('--now', '2026-11-24T06:00:00Z', '--json')).stdout) as {
    findings: { severity: string }[];
  };
  const xml = r.stdout;
  assert.match(xml, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="tierbook check"/);
  assert.equal((xml.match(/<testsuite /g) ?? []).length, RULES.length);
  assert.equal(
    (xml.match(/<failure /g) ?? []).length,
    json.findings.filter((f) => f.severity === 'high').length,
  );
  const top = /<testsuites name="tierbook check" tests="(\d+)" failures="(\d+)"/.exec(xml);
  assert.equal(Number(top?.[1]), (xml.match(/<testcase /g) ?? []).length);
  assert.equal(Number(top?.[2]), (xml.match(/<failure /g) ?? []).length);
  assert.doesNotMatch(xml, /&(?!amp;|lt;|gt;|quot;|apos;)/, 'every & is an entity');
  assert.equal(
    (xml.match(/<testcase /g) ?? []).length,
    (xml.match(/<\/testcase>|<testcase [^>]*\/>/g) ?? []).length,
  );
});

test('-o rejects an unknown format and a clash with --json', async () => {
  assert.equal((await run('-o', 'html')).code, 2);
  const clash = await run('-o', 'sarif', '--json');
  assert.equal(clash.code, 2);
  assert.match(clash.stderr, /two formats/);
});
