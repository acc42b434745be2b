import matter from 'gray-matter';
import type { Json } from '../model.ts';

/**
 * YAML front matter via gray-matter: no line folding and no anchors, so the same data always
 * gives the same bytes and diffs show only what changed.
 */
export function withFrontMatter(data: Record<string, Json>, body: string): string {
  return matter.stringify(body, data, { lineWidth: -1, noRefs: true } as Parameters<
    typeof matter.stringify
  >[2]);
}

/** Drops `undefined` (YAML would print it as null or fail) and keeps the rest JSON-safe. */
export function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}
