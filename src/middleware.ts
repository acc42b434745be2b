import { defineMiddleware } from 'astro:middleware';
import { withContentSecurityPolicy } from './site/csp.ts';

/**
 * Astro's middleware, run at build time for each page it renders: every HTML page gets its
 * Content-Security-Policy meta tag (src/site/csp.ts) before Astro writes it (decision 99), so
 * no pass reads and writes the site's HTML again afterwards. A page kept from the previous
 * site (decision 83) was written with its policy by the build that rendered it.
 */
export const onRequest = defineMiddleware(async (_context, next) => {
  const response = await next();
  if (!response.headers.get('content-type')?.startsWith('text/html')) return response;
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(withContentSecurityPolicy(await response.text()), {
    status: response.status,
    statusText: response.statusText,
    headers,
  });
});
