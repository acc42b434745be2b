import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { hostOf } from '../../src/core/graph/backups/destination.ts';
import { buildGraph } from '../../src/core/graph/build.ts';
import type { Graph } from '../../src/core/graph/model.ts';
import { addressesIn } from '../../src/core/graph/service-refs.ts';
import type { KubeObject, SourceItem } from '../../src/core/model.ts';
import { redactUrl, redactUrlsIn } from '../../src/core/url-credentials.ts';
import { createKubeTransport } from '../../src/io/kube-transport.ts';

// Shapes from the adapters' fields: Velero s3Url, CloudNativePG endpointURL, Percona endpointUrl
// (pgBackRest's bare host), k8up endpoint, Longhorn backupTargetURL (`s3://bucket@region/`),
// VolSync rsync address, presigned S3 and Azure SAS URLs, a JDBC URL.
const CASES: [string, string][] = [
  [
    'https://velero:s3cr3t@minio.example.com:9000/?X-Amz-Signature=abc&region=eu',
    'https://REDACTED@minio.example.com:9000/?X-Amz-Signature=REDACTED&region=eu',
  ],
  ['http://minio.minio:9000', 'http://minio.minio:9000'],
  ['s3://backups@us-east-1/', 's3://backups@us-east-1/'],
  ['s3://key:secret@us-east-1/', 's3://REDACTED@us-east-1/'],
  ['nfs://user:pw@nas.home:/export/longhorn', 'nfs://REDACTED@nas.home:/export/longhorn'],
  ['user:pw@minio.minio:9000', 'REDACTED@minio.minio:9000'],
  ['ghp_token@github.com/org/repo', 'REDACTED@github.com/org/repo'],
  ['minio.minio:9000', 'minio.minio:9000'],
  ['https://user:pa/ss@host:9000/bucket', 'https://REDACTED@host:9000/bucket'],
  ['https://user:p@ss@host/', 'https://REDACTED@host/'],
  ['https://user:ab?cd@host/x', 'https://REDACTED@host/x'],
  ['https://user:ab#cd@host/x', 'https://REDACTED@host/x'],
  ['https://host:9000/path@v2', 'https://host:9000/path@v2'],
  [
    'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=abc%3D',
    'https://acct.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=REDACTED',
  ],
  [
    'https://s3/b/k?X-Amz-Credential=AKIA%2F&X-Amz-Security-Token=t&X-Amz-Date=1',
    'https://s3/b/k?X-Amz-Credential=REDACTED&X-Amz-Security-Token=REDACTED&X-Amz-Date=1',
  ],
  ['https://idp/cb#access_token=t&state=1', 'https://idp/cb#access_token=REDACTED&state=1'],
  [
    'jdbc:sqlserver://db:1433;user=sa;password=pw;encrypt=true',
    'jdbc:sqlserver://db:1433;user=sa;password=REDACTED;encrypt=true',
  ],
  [
    'https://api/x?apikey=1&api_key=2&key=3&secret=4&passwd=5&token=6&keyspace=k',
    'https://api/x?apikey=REDACTED&api_key=REDACTED&key=REDACTED&secret=REDACTED&passwd=REDACTED&token=REDACTED&keyspace=k',
  ],
];

for (const [url, expected] of CASES) {
  test(`redactUrl ${url}`, () => assert.equal(redactUrl(url), expected));
}

test('redactUrlsIn finds URLs in free text and leaves other text alone', () => {
  assert.equal(
    redactUrlsIn('upload to https://u:pw@s3.example.com/?sig=x failed, retrying.'),
    'upload to https://REDACTED@s3.example.com/?sig=REDACTED failed, retrying.',
  );
  assert.equal(
    redactUrlsIn('s3://pg-backups at user:pw@pg-s3:9000'),
    's3://pg-backups at REDACTED@pg-s3:9000',
  );
  assert.equal(redactUrlsIn('kept outside (https://u:pw@h/x)'), 'kept outside (https://REDACTED@h/x)');
  assert.equal(
    redactUrlsIn('ends in a secret: https://h/?token=abc).'),
    'ends in a secret: https://h/?token=REDACTED',
  );
  assert.equal(
    redactUrlsIn('restic failed (PGPASSWORD=abc, AWS_SECRET_ACCESS_KEY=def): exit code=1'),
    'restic failed (PGPASSWORD=REDACTED, AWS_SECRET_ACCESS_KEY=REDACTED): exit code=1',
  );
  for (const text of [
    'image ghcr.io:5000/app@sha256:0123abcd',
    'image registry.local:5000/library/postgres:16.4@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'image postgres:16@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef',
    'middleware apps-auth@kubernetescrd',
    'contact ops@example.com',
    'pool rook-ceph/replicapool keeps 3 copies',
    'PVC apps/data (size=10Gi)',
    'exit code=137 after retries=3',
  ])
    assert.equal(redactUrlsIn(text), text);
});

// Userinfo characters (RFC 3986) plus the usual mistakes, an unencoded `/` or `@`. An `@` followed
// by `/` (`user:a@b/c@host`) is ambiguous: every URL parser, and so the backup tool, reads host
// `b` there; such passwords are left out here.
const secret = fc
  .stringMatching(/^[A-Za-z0-9!$%&'()*+,;=:/@._~-]{1,20}$/)
  .filter((s) => !/@.*\//.test(s))
  .map((s) => `Q${s}Z`);
const label = fc.stringMatching(/^[a-z][a-z0-9-]{0,10}[a-z0-9]$/);
const host = fc.array(label, { minLength: 1, maxLength: 4 }).map((labels) => labels.join('.'));

test('property: a password never survives redaction, the host does', () => {
  fc.assert(
    fc.property(fc.constantFrom('https', 'http', 's3', 'postgres', 'cifs'), secret, host, (scheme, pw, h) => {
      const url = `${scheme}://user:${pw}@${h}:9000/path?X-Amz-Signature=${encodeURIComponent(pw)}`;
      const redacted = redactUrl(url);
      assert.ok(!redacted.includes(pw) && !redacted.includes(encodeURIComponent(pw)), redacted);
      assert.equal(hostOf(redacted)?.host, h);
      const inText = redactUrlsIn(`failed: ${url} refused`);
      assert.ok(!inText.includes(pw) && !inText.includes(encodeURIComponent(pw)), inText);
      assert.equal(redactUrlsIn(inText), inText, 'redacting twice changes nothing');
    }),
    { seed: 11, numRuns: 500 },
  );
});

test('property: an address found in an env value never carries its userinfo', () => {
  fc.assert(
    fc.property(secret, host, (pw, h) => {
      for (const value of [`postgres://app:${pw}@${h}:5432/db`, `app:${pw}@${h}:5432`]) {
        for (const found of addressesIn(value)) assert.ok(!`${found.host}:${found.port}`.includes(pw));
      }
    }),
    { seed: 11, numRuns: 500 },
  );
});

// Shapes of the Percona pgBackRest repo (bare-host endpoint) and Velero BSL fixtures
// (tests/fixtures/backups/percona, velero): a MinIO Service in the cluster.
function graphOf(yaml: string): Graph {
  const items = parseAllDocuments(yaml).map(
    (doc, i): SourceItem => ({
      object: doc.toJSON() as KubeObject,
      from: { file: 'test.yaml', line: i + 1 },
    }),
  );
  return buildGraph(items);
}

test('credentials in a destination URL do not move it: the copy stays on the in-cluster Service', () => {
  const graph = graphOf(`
apiVersion: v1
kind: Service
metadata: {name: minio, namespace: minio}
spec: {selector: {app: minio}, ports: [{port: 9000}]}
---
apiVersion: pgv2.percona.com/v2
kind: PerconaPGCluster
metadata: {name: pg, namespace: apps}
spec:
  backups:
    pgbackrest:
      repos:
        - name: repo1
          schedules: {full: '0 2 * * 0'}
          s3: {bucket: pg, endpoint: 'backup:pw@minio.minio.svc:9000'}
---
apiVersion: velero.io/v1
kind: BackupStorageLocation
metadata: {name: default, namespace: velero}
spec:
  provider: aws
  objectStorage: {bucket: velero}
  config: {s3Url: 'http://velero:p/w@minio.minio.svc:9000/?X-Amz-Signature=sig'}
---
apiVersion: velero.io/v1
kind: Schedule
metadata: {name: daily, namespace: velero}
spec: {schedule: '0 3 * * *', template: {defaultVolumesToFsBackup: true}}
`);
  const storesTo = graph.edges.filter((e) => e.type === 'stores-to');
  assert.deepEqual(
    storesTo.map((e) => [e.from, e.to]),
    [
      ['pgv2.percona.com/PerconaPGCluster/apps/pg', 'core/Service/minio/minio'],
      ['velero.io/Schedule/velero/daily', 'core/Service/minio/minio'],
    ],
  );
  const text = JSON.stringify(graph);
  for (const secret of ['pw@', 'p/w', 'sig&', '=sig']) assert.ok(!text.includes(secret), secret);
  assert.match(
    storesTo[0]?.why ?? '',
    /writes to REDACTED@minio\.minio\.svc:9000: minio\.minio\.svc is Service minio\/minio/,
  );
});

test('a kubeconfig server with credentials is never quoted with them', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'tierbook-kubeconfig-'));
  const kubeconfig = (server: string) => `apiVersion: v1
kind: Config
current-context: local
clusters: [{name: local, cluster: {server: '${server}'}}]
users: [{name: local, user: {token: not-a-real-token}}]
contexts: [{name: local, context: {cluster: local, user: local}}]
`;
  try {
    await writeFile(join(dir, 'bad'), kubeconfig('https://admin:CANARY7F3A@[not-a-host'));
    await assert.rejects(createKubeTransport({ kubeconfig: join(dir, 'bad') }), (error: Error) => {
      assert.match(error.message, /the cluster server "https:\/\/REDACTED@\[not-a-host" is not a URL/);
      return true;
    });
    await writeFile(
      join(dir, 'good'),
      kubeconfig('https://admin:CANARY7F3A@127.0.0.1:6443/?token=CANARY7F3A'),
    );
    const { describe } = await createKubeTransport({ kubeconfig: join(dir, 'good') });
    assert.equal(describe, 'context "local" (server https://127.0.0.1:6443/?token=REDACTED)');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
