// The site: plain static files that work from any web server, load nothing from another host
// and need no JavaScript to read or print. Built by `tierbook build` (scripts/commands/build.ts),
// which checks content/, draws the diagrams and then runs Astro with this config.
import { defineConfig } from 'astro/config';

export default defineConfig({
  output: 'static',
  // /workloads/<file-stem>/index.html: stable permalinks that any web server serves.
  build: { format: 'directory', inlineStylesheets: 'never' },
  trailingSlash: 'ignore',
  compressHTML: true,
  devToolbar: { enabled: false },
  prefetch: false,
  // A rebuild renders only the pages whose data changed: tierbook keeps the others' files
  // from the previous site (src/site/site-pages.ts, decision 83), not Astro's own cache.
});
