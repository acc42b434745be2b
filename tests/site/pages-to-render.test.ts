import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const digest = (props: unknown) => createHash('sha256').update(JSON.stringify(props)).digest('hex');

test('a page is left out only when its file is kept with the same digest; a file two paths write is always rendered and never listed', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'tierbook-pages-'));
  const keep = join(dir, 'keep.json');
  writeFileSync(
    keep,
    JSON.stringify({
      'workloads/a/index.html': digest({ n: 1 }),
      'workloads/b/index.html': digest({ n: 'old' }),
      'workloads/same/index.html': digest({ n: 3 }),
    }),
  );
  process.env.TIERBOOK_PAGES_KEEP = keep;
  process.env.TIERBOOK_PAGES_OUT = join(dir, 'out');
  const { pagesToRender } = await import('../../src/site/load.ts');
  const rendered = pagesToRender('workloads/[slug]', [
    { params: { slug: 'a' }, props: { n: 1 } },
    { params: { slug: 'b' }, props: { n: 2 } },
    { params: { slug: 'same' }, props: { n: 3 } },
    { params: { slug: 'same' }, props: { n: 4 } },
  ]);
  assert.deepEqual(
    rendered.map((p) => [p.params.slug, p.props.n]),
    [
      ['b', 2],
      ['same', 3],
      ['same', 4],
    ],
  );
  const [listed] = readdirSync(join(dir, 'out'));
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'out', listed as string), 'utf8')), {
    'workloads/a/index.html': digest({ n: 1 }),
    'workloads/b/index.html': digest({ n: 2 }),
  });
});
