#!/usr/bin/env node
// The `tierbook` command. Plain JavaScript that any Node from 18 on can read, so an old Node
// gets a sentence saying what to install instead of a stack trace. It then runs the CLI:
// from the TypeScript source in a clone of the repository, from the built lib/ otherwise.
import { existsSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const NEEDED = [24, 11];
const self = fileURLToPath(import.meta.url);
const root = dirname(dirname(self));
const [major, minor] = process.versions.node.split('.').map(Number);
const recent = major > NEEDED[0] || (major === NEEDED[0] && minor >= NEEDED[1]);

if (!recent) {
  // A clone of tierbook's repository brings its own Node 24 (the `node` devDependency).
  const own = join(root, 'node_modules', 'node', 'bin', 'node');
  if (existsSync(own)) {
    // Loaded only here: a recent Node never needs it, and start-up is paid on every command.
    const { spawn } = await import('node:child_process');
    const child = spawn(own, [self, ...process.argv.slice(2)], { stdio: 'inherit' });
    // Ctrl-C reaches both processes; this one waits for the child to finish cleaning up.
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => child.kill(signal));
    }
    child.on('exit', (code, signal) => {
      process.exitCode = code ?? (signal ? 1 : 0);
    });
  } else {
    process.stderr.write(
      [
        `tierbook needs Node.js ${NEEDED.join('.')} or newer; this is Node ${process.versions.node} (${process.execPath}).`,
        'Install Node 24 (https://nodejs.org/en/download, or "nvm install 24", or "fnm install 24"),',
        'or run tierbook with a Node 24 fetched by npm: npx -y -p node@24 -p tierbook tierbook ...',
        '',
      ].join('\n'),
    );
    process.exitCode = 2;
  }
} else {
  const source = join(root, 'scripts', 'tierbook.ts');
  // Node strips TypeScript types, but never under node_modules: an installed copy runs lib/.
  const fromSource = existsSync(source) && !root.split(sep).includes('node_modules');
  const built = join(root, 'lib', 'scripts', 'tierbook.js');
  if (fromSource || existsSync(built)) {
    // V8's compiled code (and, from source, Node's type stripping) kept on disk between runs,
    // in Node's own cache in the OS temp folder (NODE_DISABLE_COMPILE_CACHE=1 turns it off):
    // enabled before the CLI loads, so every module of it is served from the cache.
    const { enableCompileCache } = await import('node:module');
    enableCompileCache?.();
    await import(pathToFileURL(fromSource ? source : built).href);
  } else {
    process.stderr.write(
      `tierbook's built JavaScript is missing (${built}): run "npm run build" in ${root}\n`,
    );
    process.exitCode = 2;
  }
}
