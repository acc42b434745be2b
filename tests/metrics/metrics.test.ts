import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { ROOT, tierbook } from '../reliability/support.ts';

const CONTENT = join(ROOT, 'content');

/** A strict reading of the OpenMetrics text format: what a scraper would refuse, this refuses. */
function parseOpenMetrics(text: string): Map<string, number> {
  assert.ok(text.endsWith('# EOF\n'), 'ends with # EOF');
  const declared = new Set<string>();
  const series = new Map<string, number>();
  for (const line of text.slice(0, -'# EOF\n'.length).split('\n').filter(Boolean)) {
    const meta = /^# (TYPE|UNIT|HELP) ([a-z_]+) (.+)$/.exec(line);
    if (meta) {
      if (meta[1] === 'TYPE') {
        assert.ok(!declared.has(meta[2] ?? ''), `${meta[2]} declared twice`);
        declared.add(meta[2] ?? '');
        assert.equal(meta[3], 'gauge');
      }
      if (meta[1] === 'UNIT') assert.ok(meta[2]?.endsWith(`_${meta[3]}`), `${meta[2]} ends with its unit`);
      continue;
    }
    const sample = /^([a-z_]+)\{((?:[a-z_]+="(?:[^"\\\n]|\\["\\n])*",?)*)\} (-?\d+(?:\.\d+)?)$/.exec(line);
    assert.ok(sample, `not a valid sample line: ${line}`);
    assert.ok(declared.has(sample[1] ?? ''), `${sample[1]} has no # TYPE before it`);
    const key = `${sample[1]}{${sample[2]}}`;
    assert.ok(!series.has(key), `duplicate series ${key}`);
    series.set(key, Number(sample[3]));
  }
  return series;
}

test('metrics --content: valid OpenMetrics agreeing with check and blast', async () => {
  const run = await tierbook(['metrics', '--content', CONTENT]);
  assert.equal(run.code, 0, run.stderr);
  const series = parseOpenMetrics(run.stdout);
  const c = 'cluster="sample-homelab"';
  assert.equal(
    series.get(`tierbook_inventory_timestamp_seconds{${c}}`),
    Date.parse('2026-11-24T06:00:00Z') / 1000,
  );

  const check = JSON.parse(
    (await tierbook(['check', '--content', CONTENT, '--json', '--now', '2026-11-24T06:00:00Z'])).stdout,
  ) as {
    findings: { rule: string; severity: string }[];
  };
  const counted = [...series]
    .filter(([k]) => k.startsWith('tierbook_findings{'))
    .reduce((n, [, v]) => n + v, 0);
  assert.equal(counted, check.findings.length);
  const volatile = check.findings.filter(
    (f) => f.rule === 'volatile-device-name' && f.severity === 'high',
  ).length;
  assert.equal(series.get(`tierbook_findings{${c},rule="volatile-device-name",severity="high"}`), volatile);

  const blast = JSON.parse((await tierbook(['blast', 'osd/3', '--content', CONTENT, '--json'])).stdout) as {
    impacts: { impact: string }[];
  };
  for (const impact of ['data-loss', 'unavailable', 'degraded'])
    assert.equal(
      series.get(`tierbook_blast_workloads{${c},target="osd/3",type="osd",impact="${impact}"}`),
      blast.impacts.filter((i) => i.impact === impact).length,
      impact,
    );
  // pg-main's newest backup, 149 s before the inventory; tier 1's RPO is 1 h.
  const pg = `${c},namespace="databases",kind="Cluster",name="pg-main",tier="1"`;
  assert.equal(series.get(`tierbook_backup_age_seconds{${pg}}`), 149);
  assert.equal(series.get(`tierbook_backup_rpo_seconds{${pg}}`), 3600);
});
