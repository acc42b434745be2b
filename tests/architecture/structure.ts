// The project's imports held against its declared floors (layers.ts): which imports run from a
// lower floor up or across a floor, which files no part holds, and which files import each other
// in a circle. `npx node tests/architecture/structure.ts` prints them; the test fails on any.
import { fileURLToPath } from 'node:url';
import { type ImportEdge, importEdges, sourceFiles } from './imports.ts';
import { FLOORS, type Part, SCANNED } from './layers.ts';

export interface Placed {
  part: Part;
  floor: number;
}

/** The part holding `file`: the longest declared path that is the file or a folder above it. */
export function placeOf(file: string, floors: readonly (readonly Part[])[] = FLOORS): Placed | null {
  let best: (Placed & { length: number }) | null = null;
  floors.forEach((parts, floor) => {
    for (const part of parts)
      for (const path of part.paths) {
        const holds = path.endsWith('/') ? file.startsWith(path) : file === path;
        if (holds && (best === null || path.length > best.length))
          best = { part, floor, length: path.length };
      }
  });
  return best;
}

export interface Violation extends ImportEdge {
  fromPart: string;
  toPart: string;
  /** up: to a higher floor; across: to another part of the same floor. */
  way: 'up' | 'across';
}

export function violations(edges: readonly ImportEdge[], floors = FLOORS): Violation[] {
  const out: Violation[] = [];
  for (const edge of edges) {
    const from = placeOf(edge.from, floors);
    const to = placeOf(edge.to, floors);
    if (!from || !to || from.part === to.part || to.floor < from.floor) continue;
    out.push({
      ...edge,
      fromPart: from.part.name,
      toPart: to.part.name,
      way: to.floor > from.floor ? 'up' : 'across',
    });
  }
  return out;
}

/** Files that import each other in a loop (Tarjan's strongly connected components), each sorted. */
export function circles(edges: readonly ImportEdge[]): string[][] {
  const next = new Map<string, string[]>();
  for (const { from, to } of edges) next.set(from, [...(next.get(from) ?? []), to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter++);
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const members: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        members.push(w);
      } while (w !== v);
      const selfLoop = next.get(v)?.includes(v) ?? false;
      if (members.length > 1 || selfLoop) found.push(members.sort());
    }
  };
  for (const v of [...next.keys()].sort()) if (!index.has(v)) visit(v);
  return found.sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
}

export interface Structure {
  files: string[];
  edges: ImportEdge[];
  unplaced: string[];
  violations: Violation[];
  circles: string[][];
}

export function measure(root: string): Structure {
  const files = sourceFiles(root, SCANNED);
  const edges = importEdges(root, files);
  return {
    files,
    edges,
    unplaced: files.filter((f) => placeOf(f) === null),
    violations: violations(edges),
    circles: circles(edges),
  };
}

export function report(s: Structure): string {
  const lines = [
    `${s.files.length} files, ${s.edges.length} imports between them; ${s.violations.length} against the floors, ${s.circles.length} circles, ${s.unplaced.length} files on no part`,
  ];
  for (const v of s.violations) lines.push(`${v.way}: ${v.from} (${v.fromPart}) -> ${v.to} (${v.toPart})`);
  for (const c of s.circles) lines.push(`circle: ${c.join(' <-> ')}`);
  for (const f of s.unplaced) lines.push(`on no part: ${f}`);
  return `${lines.join('\n')}\n`;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const s = measure(fileURLToPath(new URL('../..', import.meta.url)));
  process.stdout.write(report(s));
  process.exitCode = s.violations.length + s.circles.length + s.unplaced.length > 0 ? 1 : 0;
}
