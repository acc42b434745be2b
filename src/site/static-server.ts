import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { headerPolicy } from './csp.ts';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.wasm': 'application/wasm',
  '.woff2': 'font/woff2',
};

export interface StaticServer {
  /** `http://127.0.0.1:PORT/` */
  url: string;
  close(): Promise<void>;
}

/**
 * The built site over HTTP on 127.0.0.1 only: files as they are, a directory as its
 * index.html, 404.html for anything else. Nothing outside `dir` is ever served. Every response
 * carries the site's Content-Security-Policy as a header: a page's own (its meta tag, with the
 * hashes of its diagrams' styles) plus `frame-ancestors 'none'`, which only a header can say;
 * any other file the policy without hashes (a Web Worker's policy is its script's header).
 */
export async function serveStatic(dir: string, options: { port?: number } = {}): Promise<StaticServer> {
  const root = resolve(dir);
  const server = createServer((request, response) => {
    const send = async (status: number, file: string | null) => {
      const type = file ? (TYPES[extname(file)] ?? 'application/octet-stream') : 'text/plain; charset=utf-8';
      const page = file && extname(file) === '.html' ? await readFile(file, 'utf8') : undefined;
      response.writeHead(status, {
        'content-type': type,
        'x-content-type-options': 'nosniff',
        'content-security-policy': headerPolicy(page),
      });
      if (!file || request.method === 'HEAD') response.end(file ? undefined : 'not found\n');
      else if (page !== undefined) response.end(page);
      else createReadStream(file).pipe(response);
    };
    fileFor(root, request.url ?? '/')
      .then(
        async (file) => {
          const url = new URL(request.url ?? '/', 'http://x');
          if (file?.endsWith(`${sep}index.html`) && !/(?:\/|index\.html)$/.test(url.pathname)) {
            // Pages link relatively: /workloads/x must become /workloads/x/ for its links to work.
            response.writeHead(301, {
              location: `${url.pathname}/${url.search}`,
              'content-security-policy': headerPolicy(),
            });
            return response.end();
          }
          if (file) return send(200, file);
          const missing = join(root, '404.html');
          return send(404, (await isFile(missing)) ? missing : null);
        },
        () => send(400, null),
      )
      .catch(() => {
        // A file that vanished or could not be read after it was found.
        if (response.headersSent) response.destroy();
        else response.writeHead(500, { 'content-security-policy': headerPolicy() }).end();
      });
  });
  await listen(server, options.port ?? 4321);
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

async function fileFor(root: string, url: string): Promise<string | null> {
  const path = decodeURIComponent(new URL(url, 'http://x').pathname);
  const target = normalize(join(root, path));
  if (target !== root && !target.startsWith(root + sep)) return null;
  if (await isFile(target)) return target;
  const index = join(target, 'index.html');
  return (await isFile(index)) ? index : null;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false;
  }
}

function listen(server: Server, port: number): Promise<void> {
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => {
      server.off('error', fail);
      done();
    });
  });
}
