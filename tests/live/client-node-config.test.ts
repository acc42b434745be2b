/**
 * The live read loads client-node's KubeConfig without its generated API clients or undici
 * (src/io/client-node-config.ts): the modules each process resolves are recorded by a hook
 * registered before the read, which sees every import but the two stubbed ones.
 */
import assert from 'node:assert/strict';
import { registerHooks } from 'node:module';
import { test } from 'node:test';
import { createKubeTransport } from '../../src/io/kube-transport.ts';
import { writeKubeconfig } from '../support/apiserver-kubeconfig.ts';
import { makeServerCertificate } from '../support/apiserver-tls.ts';
import { serve, tempDir } from './harness.ts';

const TOKEN = 'reader-token-5c4b3a';
const tls = makeServerCertificate();

test('a live read loads neither client-node’s generated API nor undici, and still sends the context’s CA and token', {
  skip: tls ? false : 'openssl is not installed, so no test certificate can be made',
}, async (t) => {
  if (!tls) return;
  const resolved: string[] = [];
  const recorder = registerHooks({
    resolve(specifier, context, nextResolve) {
      const result = nextResolve(specifier, context);
      resolved.push(result.url);
      return result;
    },
  });
  t.after(() => recorder.deregister());
  const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'web-0', namespace: 'shop' } };
  const server = await serve(t, { objects: [pod], tls, token: TOKEN });
  const kubeconfig = await writeKubeconfig(await tempDir(t), [
    { name: 'local', server: server.url, token: TOKEN, caPem: tls.cert },
  ]);

  const { transport } = await createKubeTransport({ kubeconfig });
  const response = await transport.get('/api/v1/pods?limit=500');

  assert.equal(response.status, 200);
  assert.deepEqual(
    (response.body as { items: { metadata: { name: string } }[] }).items.map((i) => i.metadata.name),
    ['web-0'],
  );
  const clientNode = resolved.filter((url) => url.includes('/@kubernetes/client-node/'));
  assert.ok(
    clientNode.some((url) => url.endsWith('/dist/config.js')),
    'client-node’s config.js was loaded through the recorder',
  );
  const unwanted = resolved.filter(
    (url) => /\/@kubernetes\/client-node\/dist\/gen\/(?!rxjsStub\.js$)/.test(url) || url.includes('/undici/'),
  );
  assert.equal(
    unwanted.length,
    0,
    `${unwanted.length} modules loaded, among them ${unwanted.slice(0, 3).join(', ')}`,
  );
});
