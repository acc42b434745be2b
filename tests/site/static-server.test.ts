import assert from 'node:assert/strict';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { type StaticServer, serveStatic } from '../../src/site/static-server.ts';

/** A raw GET, so paths like /../x reach the server as written. */
function get(url: string, path: string): Promise<{ status: number; body: string; location?: string }> {
  return new Promise((done, fail) => {
    const target = new URL(url);
    const req = request({ host: target.hostname, port: target.port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => done({ status: res.statusCode ?? 0, body, location: res.headers.location }));
    });
    req.on('error', fail);
    req.end();
  });
}

describe('the static server', () => {
  let dir: string;
  let server: StaticServer;

  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tierbook-serve-'));
    await mkdir(join(dir, 'site', 'workloads', 'blog'), { recursive: true });
    await writeFile(join(dir, 'site', 'index.html'), 'home');
    await writeFile(join(dir, 'site', 'workloads', 'blog', 'index.html'), 'blog');
    await writeFile(join(dir, 'site', '404.html'), 'missing');
    await writeFile(join(dir, 'secret.txt'), 'secret');
    server = await serveStatic(join(dir, 'site'), { port: 0 });
  });

  after(async () => {
    await server.close();
    await rm(dir, { recursive: true, force: true });
  });

  test('listens on 127.0.0.1 only', () => {
    assert.match(server.url, /^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  test('serves a directory as its index.html, and redirects /x to /x/ so relative links work', async () => {
    assert.deepEqual(await get(server.url, '/'), { status: 200, body: 'home', location: undefined });
    assert.equal((await get(server.url, '/workloads/blog/')).body, 'blog');
    const redirect = await get(server.url, '/workloads/blog?x=1');
    assert.equal(redirect.status, 301);
    assert.equal(redirect.location, '/workloads/blog/?x=1');
  });

  test('answers 404.html for anything else, and never serves outside the site', async () => {
    assert.deepEqual(await get(server.url, '/nope/'), { status: 404, body: 'missing', location: undefined });
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/workloads/../../secret.txt']) {
      const res = await get(server.url, path);
      assert.notEqual(res.body, 'secret', path);
    }
  });
});
