import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clusterSwitcher, type SwitcherPage, withClusterSwitcher } from '../../src/site/cluster-switcher.ts';

const pages: Record<string, string[]> = {
  prod: ['', 'findings/', 'workloads/apps.deployment.blog/'],
  lab: ['', 'findings/'],
};
const at = (current: string, url: string): SwitcherPage => ({
  clusters: ['prod', 'lab'],
  current,
  url,
  has: (cluster, page) => pages[cluster]?.includes(page) ?? false,
});
const hrefs = (html: string) => [...html.matchAll(/href="([^"]*)"/g)].map((m) => m[1]);

test('each cluster links to the same page when it has it, else to its home; the fleet dashboard last', () => {
  assert.deepEqual(hrefs(clusterSwitcher(at('prod', 'findings/'))), [
    '../../prod/findings/',
    '../../lab/findings/',
    '../../',
  ]);
  const deep = clusterSwitcher(at('prod', 'workloads/apps.deployment.blog/'));
  assert.deepEqual(hrefs(deep), [
    '../../../prod/workloads/apps.deployment.blog/',
    '../../../lab/',
    '../../../',
  ]);
  assert.match(
    deep,
    /data-fleet-cluster="lab" data-fleet-root="\.\.\/\.\.\/\.\.\/lab\/">lab<\/a> <small>\(its dashboard: no such page\)<\/small>/,
  );
  assert.match(deep, /<a href="[^"]*prod[^"]*" aria-current="page"/);
  assert.deepEqual(hrefs(clusterSwitcher(at('lab', ''))), ['../prod/', '../lab/', '../']);
  assert.match(
    clusterSwitcher(at('lab', '')),
    /^<details class="cluster-switch"><summary>Cluster: <strong>lab<\/strong><\/summary>/,
  );
});

test('the switcher goes after the brand link, its stylesheet into the head; redirects are left alone', () => {
  const html =
    '<html><head><title>x</title></head><body><header class="site-header"><a class="brand" href="../">tierbook <span class="cluster">c</span></a><nav></nav></header></body></html>';
  const out = withClusterSwitcher(html, at('prod', 'findings/'), 'prod/findings/index.html');
  assert.match(out, /<link rel="stylesheet" href="\.\.\/\.\.\/cluster-switch\.css"><\/head>/);
  assert.match(out, /<\/span><\/a><details class="cluster-switch">.*<\/details><nav><\/nav>/);
  const redirect =
    '<html><head><meta http-equiv="refresh" content="0; url=../y/"></head><body></body></html>';
  assert.equal(withClusterSwitcher(redirect, at('prod', 'x/'), 'x/index.html'), redirect);
  assert.throws(
    () =>
      withClusterSwitcher(
        '<html><head></head><body><main></main></body></html>',
        at('prod', ''),
        'prod/index.html',
      ),
    /prod\/index\.html: no site header to put the cluster switcher in/,
  );
});
