import assert from 'node:assert/strict';
import { test } from 'node:test';
import * as blast from '../../src/core/analysis/blast/index.ts';

test('the blast module exports what other parts of tierbook call', () => {
  assert.deepEqual(Object.keys(blast).sort(), [
    'BLAST_FAIL_ON_VALUES',
    'FAILURE_DOMAIN_TYPES',
    'IMPACT_ORDER',
    'TARGET_TYPES',
    'blastJson',
    'blastRadius',
    'closestNames',
    'editDistance',
    'failureDomains',
    'failureDomainsFailAt',
    'impactsFailAt',
    'knownTargets',
    'neededBy',
    'rankFailureDomains',
    'resolveTarget',
    'summarizeFailureDomain',
  ]);
});

test('closest names: edit distance, names containing what was typed first, ties by name', () => {
  assert.equal(blast.editDistance('k8s3', 'k8s-3'), 1);
  assert.deepEqual(blast.closestNames('node/k8s3', ['node/k8s-1', 'node/k8s-3', 'node/k8s-2'], 2), [
    'node/k8s-3',
    'node/k8s-1',
  ]);
  assert.deepEqual(blast.closestNames('sdc', ['device/k8s-2/dev/sdc', 'osd/3'], 1), ['device/k8s-2/dev/sdc']);
});
