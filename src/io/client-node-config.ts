/**
 * client-node's KubeConfig without the rest of client-node. Its `config.js` imports the whole
 * generated API (`./gen/index.js`: 1,000 modules, for `makeApiClient`) and undici (for
 * `applyToFetchOptions`) at the top, though neither is on the path tierbook uses
 * (`loadFromFile`/`loadFromDefault`, contexts, `applyToHTTPSOptions`, which makes Node https
 * agents). Importing them cost ~0.7 s of CPU and ~60 MB of resident memory, the largest part of
 * what a live read costs over an offline one (bench/NOTES-live.md). While `config.js` loads,
 * those two imports of it, and only of it, resolve to stubs that throw if ever called; every
 * other module, the credential plugins included (exec, OIDC, Azure, GCP, token files), loads
 * as it is. Where Node has no `module.registerHooks`, or client-node was already loaded in this
 * process, the whole of client-node is used as it is.
 */
import { registerHooks } from 'node:module';
import type { KubeConfig } from '@kubernetes/client-node';

/** What `config.js` imports only for the clients tierbook never makes, by specifier. */
const NOT_ON_OUR_PATH: Readonly<Record<string, string>> = {
  './gen/index.js': stub({ functions: ['createConfiguration'], classes: ['ServerConfiguration'] }),
  undici: stub({ functions: [], classes: ['Agent', 'ProxyAgent'] }),
};

const CONFIG_MODULE = '/@kubernetes/client-node/dist/config.js';

export async function loadKubeConfigClass(): Promise<typeof KubeConfig> {
  const hooks =
    typeof registerHooks === 'function'
      ? registerHooks({
          resolve(specifier, context, nextResolve) {
            const url = context.parentURL?.endsWith(CONFIG_MODULE) ? NOT_ON_OUR_PATH[specifier] : undefined;
            return url ? { url, format: 'module', shortCircuit: true } : nextResolve(specifier, context);
          },
        })
      : undefined;
  try {
    return (await import('@kubernetes/client-node/dist/config.js')).KubeConfig;
  } finally {
    hooks?.deregister();
  }
}

/** An ES module whose exports have the names client-node imports and throw when used. */
function stub({ functions, classes }: { functions: string[]; classes: string[] }): string {
  const fail = `() => { throw new Error('tierbook loads client-node without its API clients; this needs them (a bug)'); }`;
  const source = [
    `const fail = ${fail};`,
    ...functions.map((name) => `export const ${name} = fail;`),
    ...classes.map((name) => `export class ${name} { constructor() { fail(); } }`),
  ].join('\n');
  return `data:text/javascript,${encodeURIComponent(source)}`;
}
