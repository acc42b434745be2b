/**
 * `guard --stdin` reads a script or an assistant's plan. A plan's lines carry list markers
 * (`1.`, `2)`, `-`, `*`), shell prompts (`$ `) and Markdown code fences around the commands;
 * they are taken off so `1. ceph osd purge 3` is judged as `ceph osd purge 3`. Everything else
 * is left as written: a script reads the same after this.
 */
export function planAsScript(text: string): string {
  return text
    .split('\n')
    .filter((line) => !/^\s*(```|~~~)/.test(line))
    .map((line) => line.replace(/^(\s*)(?:(?:\d+[.)]|[-*+•])\s+)?(?:\$\s+)?/, '$1'))
    .join('\n');
}
