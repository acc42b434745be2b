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

/** Mermaid's bundle with the faster copy, or as it is when its text is not found exactly once. */
export function withFasterConfigCopy(bundle: string): string {
  const at = bundle.indexOf(ASSIGN_WITH_DEPTH.original);
  if (at < 0 || bundle.indexOf(ASSIGN_WITH_DEPTH.original, at + 1) >= 0) return bundle;
  return (
    bundle.slice(0, at) + ASSIGN_WITH_DEPTH.faster + bundle.slice(at + ASSIGN_WITH_DEPTH.original.length)
  );
}
