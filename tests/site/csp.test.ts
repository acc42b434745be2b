import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, test } from 'node:test';
import {
  contentSecurityPolicy,
  headerPolicy,
  pagePolicy,
  svgInlineStyles,
  withContentSecurityPolicy,
} from '../../src/site/csp.ts';

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

// The shape of a page as Astro writes it (compressed), with a Mermaid SVG as the diagram cache
// holds it: an id-scoped <style> with `>` written `&gt;`, style attributes, an HTML label.
const PAGE =
  '<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8"><title>x</title>' +
  '<link rel="stylesheet" href="../../site.css"><script src="../../theme.js"></script></head> <body>' +
  '<main><h1 style="color:red">x</h1><style>h1{color:red}</style>' +
  '<div class="diagram-svg"><svg id="d1" viewBox="0 0 1 1"><style>#d1 .focus&gt;*{fill:red}</style>' +
  '<g><path style="stroke-width: 1; stroke-dasharray: 1, 0;"/><foreignObject><div style="display: table;">' +
  '<span>a &amp; b</span></div></foreignObject><svg><path style=""/></svg></g></svg></div>' +
  '<svg class="chart"><rect width="1"/></svg></main></body></html>';

describe('the Content-Security-Policy of a page', () => {
  test('hashes the styles inside SVGs as a browser reads them, and nothing outside', () => {
    const styles = svgInlineStyles(PAGE);
    assert.deepEqual(styles.elements, ['#d1 .focus>*{fill:red}']);
    assert.deepEqual(styles.attributes, ['stroke-width: 1; stroke-dasharray: 1, 0;', 'display: table;', '']);
  });

  test('allows only the site itself, with no inline script and the diagram styles by hash', () => {
    const policy = pagePolicy(withContentSecurityPolicy(PAGE));
    assert.equal(
      policy,
      "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; " +
        "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; " +
        `style-src-elem 'self' ${sha('#d1 .focus>*{fill:red}')}; ` +
        `style-src-attr 'unsafe-hashes' ${[sha(''), sha('display: table;'), sha('stroke-width: 1; stroke-dasharray: 1, 0;')].sort().join(' ')}`,
    );
    // The heading's style and the <style> outside the SVG are not allowed.
    assert.ok(!policy?.includes(sha('color:red')));
    assert.ok(!policy?.includes(sha('h1{color:red}')));
  });

  test('a page without SVG styles gets the policy without hashes', () => {
    const page = '<html><head><meta charset="utf-8"></head><body><p style="x">x</p></body></html>';
    assert.equal(pagePolicy(withContentSecurityPolicy(page)), contentSecurityPolicy());
  });

  test('goes first in <head>, right after the charset, and replaces the one an earlier build wrote', () => {
    const once = withContentSecurityPolicy(PAGE);
    assert.match(
      once,
      /^<!DOCTYPE html><html lang="en"> <head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="[^"]+"><title>/,
    );
    assert.equal(withContentSecurityPolicy(once), once);
    assert.equal(once.split('Content-Security-Policy').length, 2);
  });

  test('a page without <head> is refused rather than left unprotected', () => {
    assert.throws(() => withContentSecurityPolicy('<p>x</p>'), /without <head>/);
  });

  test('a server adds frame-ancestors to the page policy, or to the base policy for other files', () => {
    const page = withContentSecurityPolicy(PAGE);
    assert.equal(headerPolicy(page), `${pagePolicy(page)}; frame-ancestors 'none'`);
    assert.equal(headerPolicy(), `${contentSecurityPolicy()}; frame-ancestors 'none'`);
    assert.equal(headerPolicy('<html>no meta</html>'), `${contentSecurityPolicy()}; frame-ancestors 'none'`);
  });
});
