/**
 * Pages written as the pieces they are made in (decision 84): a large page's front matter comes
 * in chunks of a few KB, never joined, and the staging folder writes pieces through one reused
 * buffer. The file must hold exactly the bytes of the joined text.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import matter from 'gray-matter';
import type { Json } from '../../src/core/model.ts';
import { frontMatterPieces, textOf, withFrontMatter } from '../../src/core/render/front-matter.ts';
import { ContentStaging } from '../../src/io/content-dir.ts';

const OPTIONS = { lineWidth: -1, noRefs: true } as Parameters<typeof matter.stringify>[2];
const BODY = '# Title\n\nText.\n';

/** A storage page's shape: thousands of impacts, each with reasons, some not ASCII. */
function largeData(n: number): Record<string, Json> {
  return {
    id: 'ceph.rook.io/CephBlockPool/rook-ceph/replicapool',
    impacts: Array.from({ length: n }, (_, i) => ({
      id: `apps/Deployment/team-${i % 97}/app-${i}`,
      tier: i % 5,
      why: [
        `osd.${i % 24} is in pool rook-ceph/replicapool`,
        i % 7 === 0 ? `café ${i} — 東京 🚀` : `PVC ${i}`,
      ],
      backups: [],
    })),
  };
}

test('a large front matter comes in pieces of a few KB whose concatenation is what gray-matter writes', () => {
  const data = largeData(3000);
  const pieces = frontMatterPieces(data, BODY);
  assert.ok(typeof pieces !== 'string' && pieces.length > 50, 'made in many pieces');
  for (const piece of (pieces as readonly string[]).slice(0, -1))
    assert.ok(piece.length < 8192, 'no piece is the page');
  assert.equal(textOf(pieces), matter.stringify(BODY, data, OPTIONS));
  assert.equal(withFrontMatter(data, BODY), textOf(pieces));
});

test('a page given as pieces is written as the bytes of their concatenation, across the buffer and past it', async () => {
  const parent = mkdtempSync(join(tmpdir(), 'tierbook-pieces-'));
  const dir = join(parent, 'content');
  try {
    // 1-, 2-, 3- and 4-byte characters; pieces that fill the 1 MB buffer many times over; one
    // piece longer than the buffer can take (written on its own); an empty piece.
    const small = Array.from({ length: 40_000 }, (_, i) => `line ${i}: é 東 🚀 ${'x'.repeat(i % 90)}\n`);
    const pieces = [...small.slice(0, 20_000), '', `${'ü'.repeat(400_000)}\n`, ...small.slice(20_000)];
    const other = ['---\n', 'a: 1\n', '---\n', 'body\n'];
    const staging = await ContentStaging.open(dir);
    staging.write('storage/big.md', pieces);
    staging.write('workloads/a.md', other);
    staging.write('workloads/a.md', ['again: ', 'replaced\n']);
    await staging.commit();
    assert.deepEqual(readFileSync(join(dir, 'storage/big.md')), Buffer.from(pieces.join(''), 'utf8'));
    assert.equal(readFileSync(join(dir, 'workloads/a.md'), 'utf8'), 'again: replaced\n');
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
});
