import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RESOURCE_TYPES } from '../../src/core/graph/reads.ts';
import type { KubeObject } from '../../src/core/model.ts';
import { isSecretPath, readLive, SecretPathRefused } from '../../src/core/sources/live/index.ts';
import { recordingSleep, serve, transportFor } from './harness.ts';

test('isSecretPath matches the secrets resource in any form, and nothing else', () => {
  for (const path of [
    '/api/v1/secrets',
    '/api/v1/secrets?limit=500',
    '/api/v1/namespaces/databases/secrets/pg-main-superuser',
    '/api/v1/SECRETS',
    '/api/v1/%73ecrets',
    '/api/v1/namespaces/x/secrets/',
  ]) {
    assert.equal(isSecretPath(path), true, path);
  }
  for (const path of [
    '/api/v1/configmaps',
    '/apis/external-secrets.io/v1beta1/secretstores',
    '/apis/bitnami.com/v1alpha1/sealedsecrets',
    '/api/v1/namespaces/secrets-team/pods',
    '/api/v1/pods?labelSelector=app%3Dsecrets',
  ]) {
    assert.equal(isSecretPath(path), false, path);
  }
});

test('RESOURCE_TYPES has no Secrets', () => {
  assert.ok(!RESOURCE_TYPES.some((type) => type.kind === 'Secret' || isSecretPath(`/api/v1/${type.plural}`)));
});

test('even when asked to read Secrets, no request for them leaves the process', async (t) => {
  const secret: KubeObject = {
    apiVersion: 'v1',
    kind: 'Secret',
    metadata: { name: 'pg-main-superuser', namespace: 'databases' },
    data: { password: 'c3VwZXJzZWNyZXQ=' },
  };
  const server = await serve(t, { objects: [secret] });
  const transport = await transportFor(t, server);
  const resourceTypes = [...RESOURCE_TYPES, { group: '', kind: 'Secret', plural: 'secrets' }];

  await assert.rejects(
    readLive(transport, { resourceTypes, sleep: recordingSleep().sleep }),
    SecretPathRefused,
  );
  assert.deepEqual(
    server.requests.filter((r) => r.path.includes('secrets')),
    [],
  );
});
