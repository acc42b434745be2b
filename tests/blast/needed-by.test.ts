import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { blastRadius, neededBy } from '../../src/core/analysis/blast/index.ts';
import { DEFAULT_CONFIG } from '../../src/core/config/index.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import { parseId } from '../../src/core/graph/ids.ts';
import { readOffline } from '../../src/io/read-offline.ts';

const repo = path.resolve(import.meta.dirname, '..', '..');
const source = await readOffline([path.join(repo, 'src', 'sample', 'cluster')]);
const analysis = analyze(buildGraph(source.items), { config: DEFAULT_CONFIG, now: '2026-11-24T06:00:00Z' });

test('neededBy gives what a workload outage gives, minus the workload itself, for every workload', () => {
  let nonEmpty = 0;
  for (const w of analysis.workloads) {
    const { kind, namespace, name } = parseId(w.id);
    const text = `workload/${namespace}/${kind}/${name}`;
    const full = blastRadius(analysis, text, { outage: true }).impacts.filter((i) => i.id !== w.id);
    const quick = neededBy(analysis, w.id, text);
    assert.deepEqual(
      [...quick]
        .map(([id, e]) => ({ id, impact: e.impact, why: e.why }))
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
      full.map((i) => ({ id: i.id, impact: i.impact, why: i.why })).sort((a, b) => (a.id < b.id ? -1 : 1)),
      w.id,
    );
    if (quick.size > 0) nonEmpty++;
  }
  assert.ok(nonEmpty >= 4, 'several sample workloads are needed by others');
});

test('the identity provider is needed, through forward-auth, by the apps behind it', () => {
  const needed = neededBy(
    analysis,
    'apps/Deployment/auth/authentik-server',
    'workload/auth/Deployment/authentik-server',
  );
  assert.ok(needed.has('apps/Deployment/monitoring/grafana'));
  assert.ok(needed.has('apps/Deployment/apps/paperless'));
  assert.match(needed.get('apps/Deployment/monitoring/grafana')?.why.join(' ') ?? '', /forward-auth/);
});
