/**
 * The committed YAML is exactly what src/sample/generate.ts produces, so the generator stays the
 * one place to change the sample (fix: `npx node src/sample/generate.ts`).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { renderSampleCluster } from '../../src/sample/sample-cluster.ts';
import { SAMPLE_DIR, sampleFiles } from './sample-objects.ts';

describe('sample cluster generator', () => {
  const rendered = renderSampleCluster();

  it('produces the committed files, no more, no fewer', () => {
    assert.deepEqual([...rendered.keys()].sort(), sampleFiles());
  });

  it('produces the committed bytes', () => {
    for (const [name, text] of rendered) {
      assert.ok(
        text === readFileSync(join(SAMPLE_DIR, name), 'utf8'),
        `${name} differs: run npx node src/sample/generate.ts`,
      );
    }
  });

  it('is deterministic', () => {
    assert.deepEqual(renderSampleCluster(), rendered);
  });
});
