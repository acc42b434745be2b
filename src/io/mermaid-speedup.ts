/**
 * One function of Mermaid's bundle, made faster where the result is provably the same.
 *
 * Mermaid's `getConfig()` returns a fresh deep copy of its ~1,000-key configuration, made by
 * `assignWithDepth`, and a flowchart asks for it once or more per node and edge: a fifth to a
 * third of a diagram's drawing time. The copy adds each new key with `Object.defineProperty`
 * (a slow runtime call). For a plain object or array whose key is not `__proto__`, a plain
 * assignment defines the same own, writable, enumerable, configurable property (no prototype
 * of a plain object or array has a setter or a read-only property by any other string name),
 * so that is what the faster copy does, walking the same entries in the same order with a
 * loop instead of `forEach`; every check and its order is kept, and `Object.defineProperty`
 * still defines the key on any other object and for `__proto__`. The drawn SVG is the same.
 *
 * Applied to the exact text of the Mermaid build tierbook depends on: when Mermaid changes,
 * the text is not found and the bundle is used as it is (tests/site/mermaid-speedup.test.ts
 * says so, and proves the two functions give the same result).
 */
export const ASSIGN_WITH_DEPTH = {
  original:
    'sHe=i((r,t,{depth:a=2}={})=>{let s={depth:a};if(Array.isArray(t)&&!Array.isArray(r))return t.forEach(l=>sHe(r,l,s)),r;if(Array.isArray(t)&&Array.isArray(r))return t.forEach(l=>{r.includes(l)||r.push(l)}),r;if(r==null||a<=0)return r!=null&&typeof r=="object"&&typeof t=="object"?Object.assign(r,t):t;if(t!=null&&typeof r=="object"&&typeof t=="object"){let l=r;Object.entries(t).forEach(([h,f])=>{if(typeof f=="object"){if(f===null)return;Object.hasOwn(r,h)||Object.defineProperty(r,h,{value:void 0,writable:!0,enumerable:!0,configurable:!0}),l[h]===void 0&&(l[h]=Array.isArray(f)?[]:{}),typeof l[h]=="object"&&(l[h]=sHe(l[h],f,{depth:a-1}))}else typeof l[h]!="object"&&(Object.hasOwn(r,h)?l[h]=f:Object.defineProperty(r,h,{value:f,writable:!0,enumerable:!0,configurable:!0}))})}return r},"assignWithDepth")',
  faster:
    'sHe=i((r,t,{depth:a=2}={})=>{let s={depth:a};if(Array.isArray(t)&&!Array.isArray(r))return t.forEach(l=>sHe(r,l,s)),r;if(Array.isArray(t)&&Array.isArray(r))return t.forEach(l=>{r.includes(l)||r.push(l)}),r;if(r==null||a<=0)return r!=null&&typeof r=="object"&&typeof t=="object"?Object.assign(r,t):t;if(t!=null&&typeof r=="object"&&typeof t=="object"){let l=r,o=Object.getPrototypeOf(r),P=o===Object.prototype||o===Array.prototype||o===null,E=Object.entries(t);for(let n=0;n<E.length;n++){let h=E[n][0],f=E[n][1];if(typeof f=="object"){if(f===null)continue;Object.hasOwn(r,h)||(P&&h!=="__proto__"?r[h]=void 0:Object.defineProperty(r,h,{value:void 0,writable:!0,enumerable:!0,configurable:!0})),l[h]===void 0&&(l[h]=Array.isArray(f)?[]:{}),typeof l[h]=="object"&&(l[h]=sHe(l[h],f,{depth:a-1}))}else typeof l[h]!="object"&&(Object.hasOwn(r,h)?l[h]=f:P&&h!=="__proto__"?r[h]=f:Object.defineProperty(r,h,{value:f,writable:!0,enumerable:!0,configurable:!0}))}}return r},"assignWithDepth")',
} as const;

/**
 * Mermaid's `getConfig()` (`ri`, aliased `er`: 587 calls in the bundle) copies the whole
 * configuration, ~920 values, on every call: 130-155 calls a flowchart, each reading one or
 * two values (`flowchart`, `securityLevel`, `htmlLabels`, ...), and three a diagram walking
 * all of it (measured with a logging proxy on the bench's diagrams). The lazy copy returns a
 * proxy that is, to every operation, the object the eager copy would have made:
 * - reading a key that is the configuration's own enumerable one gives what the eager copy
 *   holds there: the value itself (a string, number, boolean, function or undefined), or a
 *   copy of the section made by the same `assignWithDepth` call the eager copy makes for it
 *   (`assign([] or {}, value, { depth: 1 })`), made once and kept, so a section read twice is
 *   the same object and what a caller writes into it stays (flowchart's `init` writes
 *   `cnf.flowchart.arrowMarkerAbsolute`); a null value, like any other key, is looked up on
 *   the empty target (the eager copy leaves nulls out);
 * - reading `__proto__` (which the eager copy keeps only when it is an object) and any other
 *   operation (listing keys, `in`, a descriptor, writing, deleting, defining,
 *   freezing, a new prototype) first makes the eager copy into the proxy's target, the
 *   sections already handed out put in their places, and from then on every operation is the
 *   target's.
 * The configuration it copies from is never changed in place: Mermaid replaces it whole
 * (`updateCurrentConfig`) and its sections down to the third level belong to it alone (each
 * made by a copy), so copying a section when it is first read gives what copying it at the
 * call gave. A proxy cannot be posted or structured-cloned; nothing in a flowchart's drawing
 * does either with the configuration, and the bench's 2,462 diagrams drawn with and without
 * are byte-identical (bench/NOTES-site.md).
 */
export const LAZY_CONFIG_COPY =
  '(assign,source)=>{const target={},made=new Map,own=k=>typeof k=="string"&&Object.hasOwn(source,k)&&Object.prototype.propertyIsEnumerable.call(source,k);let whole=!1;const materialize=()=>{if(whole)return;whole=!0;const full=assign({},source);for(const k of Reflect.ownKeys(full)){const d=Object.getOwnPropertyDescriptor(full,k);if(made.has(k))d.value=made.get(k);Object.defineProperty(target,k,d)}},then=f=>(...a)=>(materialize(),f(...a));return new Proxy(target,{get(t,k,r){if(k==="__proto__")materialize();if(whole||!own(k))return Reflect.get(t,k,r);const v=source[k];if(typeof v!="object")return v;if(v===null)return Reflect.get(t,k,r);let c=made.get(k);if(c===void 0){c=assign(Array.isArray(v)?[]:{},v,{depth:1});made.set(k,c)}return c},has:then(Reflect.has),ownKeys:then(Reflect.ownKeys),getOwnPropertyDescriptor:then(Reflect.getOwnPropertyDescriptor),defineProperty:then(Reflect.defineProperty),deleteProperty:then(Reflect.deleteProperty),set:then(Reflect.set),preventExtensions:then(Reflect.preventExtensions),setPrototypeOf:then(Reflect.setPrototypeOf)})}';

export const GET_CONFIG = {
  original: 'ri=i(()=>Bh({},Uee),"getConfig")',
  lazy: `ri=i((()=>{const lazy=${LAZY_CONFIG_COPY};return()=>lazy(Bh,Uee)})(),"getConfig")`,
} as const;

/**
 * Mermaid's `sanitizeText(text, config)` (`Ns`) runs DOMPurify twice on a label (once to
 * remove scripts, once more forbidding `<style>`), each call parsing DOMPurify's settings
 * again: ~50 calls a diagram, 91% of them a text the page has sanitised before (the bench's
 * diagrams share their labels). The memo gives the result of the first call again when the
 * call provably gives the same:
 * - only for a non-empty string and a configuration without `dompurifyConfig` (with it,
 *   DOMPurify's settings are the caller's object, which may change or hold functions), with
 *   HTML labels and a `securityLevel` of antiscript, strict or sandbox (tierbook's): the
 *   branch of `sanitizeMore` (`hcr`) that first installs Mermaid's two DOMPurify hooks (once
 *   for the page, never removed), so every call it answers ran with the same hooks; the
 *   memo asks `getEffectiveHtmlLabels` (`Fh`) as the original does on every call (its
 *   one-time warning is the same);
 * - DOMPurify's result then depends on the text alone: its settings are the same literal each
 *   time, the hooks read and write only the element sanitised, it parses each text into a
 *   document of its own, and its one check against a document (an `id` or `name` attribute
 *   whose value names a property of the document is dropped, against DOM clobbering) is made
 *   against the inert document of a `<template>`'s content (when the page has `DOMParser`),
 *   which holds no elements, not against the page's, whose named properties change as
 *   diagrams are drawn (the test shows a page's form named like the attribute changes nothing).
 * Mermaid reads nothing else DOMPurify keeps (`removed`, the last settings). At most 20,000
 * texts are kept, then the memo starts again.
 */
export const SANITIZE_TEXT_MEMO =
  '(sanitize,removesScripts)=>{let memo=new Map;return(text,config)=>{if(typeof text!="string"||!text||config.dompurifyConfig||!removesScripts(config))return sanitize(text,config);let out=memo.get(text);if(out===void 0){out=sanitize(text,config);if(memo.size>=20000)memo=new Map;memo.set(text,out)}return out}}';

const SANITIZE_TEXT_BODY =
  '(r,t)=>r&&(t.dompurifyConfig?r=oy.sanitize(hcr(r,t),t.dompurifyConfig).toString():r=oy.sanitize(hcr(r,t),{FORBID_TAGS:["style"]}).toString(),r)';

/** Whether `sanitizeMore` (`hcr`) takes its DOMPurify branch (`removeScript`), read as it reads it. */
const REMOVES_SCRIPTS =
  't=>{if(!Fh(t))return!1;const a=t.securityLevel;return a==="antiscript"||a==="strict"||a==="sandbox"}';

export const SANITIZE_TEXT = {
  original: `Ns=i(${SANITIZE_TEXT_BODY},"sanitizeText")`,
  memo: `Ns=i((${SANITIZE_TEXT_MEMO})(${SANITIZE_TEXT_BODY},${REMOVES_SCRIPTS}),"sanitizeText")`,
} as const;

/**
 * The page-wide flag that makes `render` skip its last DOMPurify pass over the whole SVG
 * (decision 95). Only `=== true` skips: unset, or any other value, and the pass runs.
 */
export const SKIP_SVG_PURIFY_FLAG = 'tierbookSkipSvgPurify';

/**
 * `render`'s `serializeSvg` runs DOMPurify over the whole SVG text when the security level is
 * not `loose` (`S`) nor `sandbox` (`E`): ~15% of a flowchart's drawing (bench/NOTES-site.md).
 * Patched, the pass is skipped when the page sets `globalThis.tierbookSkipSvgPurify = true`
 * before `render`, and runs as before otherwise; labels are still sanitised (`sanitizeText`
 * and the rest are untouched), and the security level stays `strict`. The drawing page skips
 * it only because Node then checks each SVG against an allowlist (svg-allowlist.ts) and
 * draws one that fails again with the pass on. When Mermaid changes and the text is not
 * found, the pass always runs.
 */
export const WHOLE_SVG_PURIFY = {
  original: 'S||(re=oy.sanitize(re,{ADD_TAGS:Kwi,ADD_ATTR:Jwi,HTML_INTEGRATION_POINTS:{foreignobject:!0}}))',
  skippable: `S||globalThis.${SKIP_SVG_PURIFY_FLAG}===!0||(re=oy.sanitize(re,{ADD_TAGS:Kwi,ADD_ATTR:Jwi,HTML_INTEGRATION_POINTS:{foreignobject:!0}}))`,
} as const;

/**
 * Mermaid's `insertEdge` (`m_`) asks each edge's path for its length (`getTotalLength()`) as
 * soon as the path is added (the `neo` look, Mermaid 12's default, dashes the edge with it).
 * Asked of a path in the document, the browser first brings the whole document's style and
 * layout up to date: a forced style-and-layout update for every edge, 20 of a diagram's 27
 * real ones on the bench's diagrams (bench/NOTES-site.md). The length is asked instead of a
 * new path that is in no document, given the same `d`: the browser reads its geometry from
 * the attribute and updates nothing. The answer is the same number: a path's length is its
 * geometry's alone (no transform, stroke or `pathLength` changes it); the geometry is the `d`
 * attribute's unless CSS sets the `d` property, which neither Mermaid's style sheet nor
 * tierbook's classes (src/site/diagrams/flowchart.ts) do; and both lengths are measured by
 * the same code (tests/site/mermaid-speedup.test.ts compares them on random paths). The
 * bench's 2,462 diagrams and the sample's are byte-identical with and without.
 */
export const DETACHED_LENGTH =
  'p=>{const q=p.ownerDocument.createElementNS(p.namespaceURI,"path"),d=p.getAttribute("d");d!==null&&q.setAttribute("d",d);return q.getTotalLength()}';

export const EDGE_LENGTH = {
  original: 'let pe=Y.node(),ge=typeof pe.getTotalLength=="function"?pe.getTotalLength():0,',
  detached: `let pe=Y.node(),ge=typeof pe.getTotalLength=="function"?(${DETACHED_LENGTH})(pe):0,`,
} as const;

/**
 * Mermaid's bundle with the faster copies, the label memo, the skippable whole-SVG pass and
 * edge lengths measured off the document, each applied only where its text is found exactly once.
 */
export function withMermaidSpeedups(bundle: string): string {
  const copies = replacedOnce(
    replacedOnce(bundle, ASSIGN_WITH_DEPTH.original, ASSIGN_WITH_DEPTH.faster),
    GET_CONFIG.original,
    GET_CONFIG.lazy,
  );
  const memo = replacedOnce(copies, SANITIZE_TEXT.original, SANITIZE_TEXT.memo);
  const purify = replacedOnce(memo, WHOLE_SVG_PURIFY.original, WHOLE_SVG_PURIFY.skippable);
  return replacedOnce(purify, EDGE_LENGTH.original, EDGE_LENGTH.detached);
}

function replacedOnce(text: string, original: string, replacement: string): string {
  const at = text.indexOf(original);
  if (at < 0 || text.indexOf(original, at + 1) >= 0) return text;
  return text.slice(0, at) + replacement + text.slice(at + original.length);
}
