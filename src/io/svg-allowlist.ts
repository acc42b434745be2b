/**
 * The allowlist every SVG drawn with Mermaid's last DOMPurify pass skipped must pass to be
 * used as it is (decision 95). It holds what Mermaid 12's flowcharts hold with tierbook's
 * settings (MERMAID_CONFIG: strict, HTML labels in `foreignObject`), found by scanning the
 * bench's 2,462 SVGs and the sample's 56, and nothing else:
 * - the text is one `<svg>` element, its tags well nested, nothing after it; no comment,
 *   CDATA, processing instruction or doctype (a `<` that does not start a tag fails);
 * - SVG elements only outside `foreignObject`, HTML elements (`div`, `span`, `p`, `br`) only
 *   inside it, `style` only as a child of the root; each element with its own attributes
 *   (names exact, with a value in double quotes), so no `on*`, `src`, `action`, `formaction`,
 *   `http-equiv`, `attributeName`, `to`, `values`, and no `set`, `animate`, `use`, `image`,
 *   `script`, `form`, `meta`;
 * - the one link, `xlink:href` on `a`, is a relative page URL (tierbook's own rule for
 *   diagram links, escape.ts), with no scheme and no `//`; `id` is the diagram's own id or
 *   starts with it (no DOM clobbering by a name such as `cookie`); `xmlns` is the SVG or
 *   XHTML namespace; `marker-end` is `url(#…)` of the diagram's own marker; `data-points` is
 *   base64;
 * - every attribute value holds no `&` but the serializer's `&amp;` `&quot;` `&lt;` `&gt;`
 *   `&nbsp;` (so nothing is hidden in a character reference), and no `javascript:`,
 *   `vbscript:` or `data:` even with spaces between;
 * - the style sheet and every `style` attribute hold no `<`, `\` or `&` but `&gt;` (so
 *   nothing is hidden in an escape, and the sheet cannot end early), no `@` but `@keyframes`, no
 *   `url(` but `url(#…)`, no `expression(`, `behavior`, `-moz-binding` or `javascript:`.
 * Text between tags is not looked at: it holds no `<`, and the browser reads it as text.
 * What Mermaid's DOMPurify pass makes of such an SVG passes too (it trims attribute values,
 * writes `<br/>` as `<br>` and the sheet's `>` as `&gt;`): a diagram drawn again with the
 * pass on is held to the same list.
 */

/** SVG elements (outside `foreignObject`) and the attributes each may have. */
const SVG_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  svg: ['aria-roledescription', 'class', 'id', 'role', 'style', 'viewBox', 'width', 'xmlns'],
  a: ['data-look', 'transform', 'xlink:href'],
  circle: ['class', 'cx', 'cy', 'r', 'style'],
  defs: [],
  feDropShadow: ['dx', 'dy', 'flood-color', 'flood-opacity', 'stdDeviation'],
  filter: ['height', 'id', 'width'],
  foreignObject: ['height', 'width'],
  g: ['class', 'data-id', 'data-look', 'id', 'style', 'transform'],
  linearGradient: ['gradientUnits', 'id', 'x1', 'x2', 'y1', 'y2'],
  marker: ['class', 'id', 'markerHeight', 'markerUnits', 'markerWidth', 'orient', 'refX', 'refY', 'viewBox'],
  path: [
    'class',
    'd',
    'data-edge',
    'data-et',
    'data-id',
    'data-look',
    'data-points',
    'id',
    'marker-end',
    'style',
  ],
  polygon: ['class', 'points', 'style', 'transform'],
  rect: ['class', 'height', 'rx', 'ry', 'style', 'width', 'x', 'y'],
  stop: ['offset', 'stop-color', 'stop-opacity'],
  style: [],
};

/** HTML elements (inside `foreignObject`: a label) and their attributes. */
const HTML_ELEMENTS: Readonly<Record<string, readonly string[]>> = {
  div: ['class', 'style', 'xmlns'],
  span: ['class'],
  p: [],
  br: [],
};

const SVG_ALLOWED = allowed(SVG_ELEMENTS);
const HTML_ALLOWED = allowed(HTML_ELEMENTS);

function allowed(table: Readonly<Record<string, readonly string[]>>): Map<string, Set<string>> {
  return new Map(Object.entries(table).map(([name, attributes]) => [name, new Set(attributes)]));
}

const DIAGRAM_ID = /^d[0-9a-f]{12}$/;
/** The rules for values of particular attributes; every value also passes ANY_VALUE. */
const VALUE_RULES: Readonly<Record<string, RegExp>> = {
  // escape.ts's SAFE_URL, without `//`: a relative page URL, an optional fragment.
  'xlink:href': /^(?!\/\/)(?:\.\.\/|\.\/)*[A-Za-z0-9._~%/-]*(?:#[A-Za-z0-9._-]+)?$/,
  id: /^d[0-9a-f]{12}(?:[-_][A-Za-z0-9_-]+)?$/,
  'marker-end': /^url\(#d[0-9a-f]{12}[-_][A-Za-z0-9_-]+\)$/,
  'data-points': /^[A-Za-z0-9+/=]*$/,
};
const XMLNS: Readonly<Record<string, string>> = {
  svg: 'http://www.w3.org/2000/svg',
  div: 'http://www.w3.org/1999/xhtml',
};
/** Only the references Chromium's serializer writes in an attribute value. */
const STRAY_AMPERSAND = /&(?!(?:amp|quot|lt|gt|nbsp);)/;
const SCRIPT_URL = /(?:java|vb)\s*script\s*:|data\s*:/i;
const CSS_BAD =
  /[<\\]|&(?!gt;)|expression\s*\(|behavior|-moz-binding|javascript\s*:|@(?!keyframes )|url\s*\((?!#[A-Za-z0-9_-]+\))/i;

/** A start tag's name, a closing tag, and one ` name="value"` of a start tag, each from where the last ended. */
const START_TAG = /<([A-Za-z][A-Za-z0-9]*)/y;
const END_TAG = /<\/([A-Za-z][A-Za-z0-9]*)>/y;
const ATTRIBUTE = / ([^\s"'<>/=]+)="([^"]*)"/y;

/**
 * Why `svg` is not what the allowlist accepts, or null when it is. One pass over the text:
 * text up to the next `<`, then a closing tag, or a start tag's name, its attributes one by
 * one and its `>` (`/>` for `br` alone); anything else is no token and fails.
 */
export function svgAllowlistProblem(svg: string): string | null {
  const open: string[] = [];
  let insideLabel = 0;
  let at = 0;
  let diagramId: string | undefined;
  while (at < svg.length) {
    if (open.length === 0 && at > 0) return `text after the root element at ${at}`;
    if (svg.charCodeAt(at) !== 60 /* < */) {
      if (open.length === 0) return 'text before the root element';
      const next = svg.indexOf('<', at);
      at = next < 0 ? svg.length : next;
      continue;
    }
    if (svg.charCodeAt(at + 1) === 47 /* / */) {
      END_TAG.lastIndex = at;
      const closing = END_TAG.exec(svg)?.[1];
      if (closing === undefined)
        return `not a tag nor text at ${at}: ${JSON.stringify(svg.slice(at, at + 40))}`;
      at = END_TAG.lastIndex;
      if (open.pop() !== closing) return `</${closing}> closes no open <${closing}>`;
      if (closing === 'foreignObject') insideLabel--;
      continue;
    }
    START_TAG.lastIndex = at;
    const name = START_TAG.exec(svg)?.[1];
    if (name === undefined) return `not a tag nor text at ${at}: ${JSON.stringify(svg.slice(at, at + 40))}`;
    const attributesAllowed = (insideLabel > 0 ? HTML_ALLOWED : SVG_ALLOWED).get(name);
    if (attributesAllowed === undefined) return `element <${name}>${insideLabel > 0 ? ' in a label' : ''}`;
    if (open.length === 0 ? name !== 'svg' : name === 'svg') return '<svg> must be the root, and only it';
    if (name === 'style' && open.length !== 1) return '<style> not a child of the root';
    at = START_TAG.lastIndex;
    for (;;) {
      ATTRIBUTE.lastIndex = at;
      const pair = ATTRIBUTE.exec(svg);
      if (pair === null) break;
      at = ATTRIBUTE.lastIndex;
      const [, attribute, value] = pair as unknown as [string, string, string];
      if (name === 'svg' && attribute === 'id') {
        if (!DIAGRAM_ID.test(value)) return `the root's id="${value}" is no diagram id`;
        diagramId = value;
      }
      const problem = attributeProblem(name, attribute, value, attributesAllowed, diagramId);
      if (problem !== null) return problem;
    }
    if (name === 'svg' && diagramId === undefined) return 'the root has no diagram id';
    const selfClosing = svg.startsWith('/>', at);
    if (!selfClosing && svg.charCodeAt(at) !== 62 /* > */)
      return `not a tag nor text at ${at}: ${JSON.stringify(svg.slice(at, at + 40))}`;
    at += selfClosing ? 2 : 1;
    if (name === 'br') continue;
    if (selfClosing) return `<${name}/> closes itself`;
    if (name === 'style') {
      const end = svg.indexOf('</style>', at);
      if (end < 0) return '<style> never closed';
      const bad = CSS_BAD.exec(svg.slice(at, end));
      if (bad !== null) return `style sheet holds ${JSON.stringify(bad[0])}`;
      at = end + '</style>'.length;
      continue;
    }
    open.push(name);
    if (name === 'foreignObject') insideLabel++;
  }
  if (open.length > 0) return `<${open.at(-1)}> never closed`;
  return null;
}

function attributeProblem(
  element: string,
  attribute: string,
  value: string,
  attributesAllowed: ReadonlySet<string>,
  diagramId: string | undefined,
): string | null {
  if (!attributesAllowed.has(attribute)) return `attribute ${attribute} on <${element}>`;
  // Each pattern needs the character looked for first: most values hold neither.
  if (value.includes('&') && STRAY_AMPERSAND.test(value)) return `a character reference in ${attribute}`;
  if (value.includes(':') && SCRIPT_URL.test(value)) return `a script or data URL in ${attribute}`;
  const rule = VALUE_RULES[attribute];
  if (rule !== undefined && !rule.test(value)) return `${attribute}="${value}" on <${element}>`;
  if (
    (attribute === 'id' || attribute === 'marker-end') &&
    diagramId !== undefined &&
    !value.includes(diagramId)
  )
    return `${attribute} not the diagram's own`;
  if (attribute === 'xmlns' && XMLNS[element] !== value) return `xmlns="${value}" on <${element}>`;
  if (attribute === 'style') {
    const bad = CSS_BAD.exec(value);
    if (bad !== null) return `style holds ${JSON.stringify(bad[0])}`;
  }
  return null;
}
