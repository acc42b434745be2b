import { isMap, isPair, isScalar, LineCounter, parseDocument } from 'yaml';
import type { Tier } from '../analysis/tiers/model.ts';
import { APPLIES_TO_FORMS, readAppliesTo } from './applies-to.ts';
import type { RunbookFrontMatter, RunbookProblem } from './model.ts';

/** The front matter block and where the body starts (1-based line of its first line). */
export interface SplitRunbook {
  yaml: string | null;
  body: string;
  bodyLine: number;
}

/** `---` on the first line, YAML, `---`; the rest is the body. */
export function splitFrontMatter(text: string): SplitRunbook {
  const lines = text.split('\n');
  if (lines[0]?.trim() !== '---') return { yaml: null, body: text, bodyLine: 1 };
  const end = lines.findIndex((l, i) => i > 0 && l.trim() === '---');
  if (end < 0) return { yaml: null, body: text, bodyLine: 1 };
  return { yaml: lines.slice(1, end).join('\n'), body: lines.slice(end + 1).join('\n'), bodyLine: end + 2 };
}

const ID = /^[a-z0-9][a-z0-9-]*$/;
const FIELDS = ['id', 'title', 'appliesTo', 'tier', 'rto', 'version', 'sources'];
/** Optional: `blast: down` when the procedure takes the target down with its data intact (a drain). */
const OPTIONAL = ['blast'];
const BLAST = ['lost', 'down'];

/**
 * Reads and checks the front matter (docs/runbooks.md, Format). Every problem names the line
 * of the field (the front matter starts on line 2). Null when a field is missing or wrong.
 */
export function readFrontMatter(
  file: string,
  yaml: string | null,
  problems: RunbookProblem[],
): RunbookFrontMatter | null {
  if (yaml === null) {
    problems.push({ file, line: 1, message: 'no front matter: the file must start with a --- block' });
    return null;
  }
  const counter = new LineCounter();
  const doc = parseDocument(yaml, { lineCounter: counter, prettyErrors: false });
  if (doc.errors.length > 0) {
    for (const e of doc.errors)
      problems.push({
        file,
        line: 1 + (counter.linePos(e.pos[0]).line ?? 0),
        message: `front matter: ${e.message}`,
      });
    return null;
  }
  if (!isMap(doc.contents)) {
    problems.push({ file, line: 2, message: 'front matter is not a mapping' });
    return null;
  }
  const lineOf = new Map<string, number>();
  for (const pair of doc.contents.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    lineOf.set(key, 1 + counter.linePos(pair.key.range?.[0] ?? 0).line);
  }
  const value = doc.toJS() as Record<string, unknown>;
  const before = problems.length;
  const bad = (field: string, message: string) =>
    problems.push({ file, line: lineOf.get(field) ?? 2, message: `front matter field ${field}: ${message}` });
  for (const key of Object.keys(value))
    if (!FIELDS.includes(key) && !OPTIONAL.includes(key))
      bad(key, `unknown field (known: ${[...FIELDS, ...OPTIONAL].join(', ')})`);
  for (const key of FIELDS) if (!(key in value)) bad(key, 'missing');

  const id = value.id;
  if ('id' in value && (typeof id !== 'string' || !ID.test(id))) bad('id', 'must match [a-z0-9-]+');
  const title = value.title;
  if ('title' in value && (typeof title !== 'string' || title.trim() === ''))
    bad('title', 'must be a non-empty string');
  const applies = value.appliesTo;
  if ('appliesTo' in value) {
    if (!Array.isArray(applies) || applies.length === 0) bad('appliesTo', 'must be a non-empty list');
    else
      for (const entry of applies)
        if (typeof entry !== 'string' || readAppliesTo(entry) === null)
          bad('appliesTo', `unknown entry ${JSON.stringify(entry)} (known: ${APPLIES_TO_FORMS})`);
  }
  const tier = value.tier;
  if (
    'tier' in value &&
    tier !== null &&
    !(typeof tier === 'number' && Number.isInteger(tier) && tier >= 0 && tier <= 4)
  )
    bad('tier', 'must be 0, 1, 2, 3, 4 or null');
  const rto = value.rto;
  if ('rto' in value && (typeof rto !== 'string' || rto.trim() === ''))
    bad('rto', 'must be a duration as written (4h)');
  const version = value.version;
  if ('version' in value && typeof version !== 'string' && typeof version !== 'number')
    bad('version', 'must be a number or a string');
  const sources = value.sources;
  const sourceMap: Record<string, string> = {};
  if ('sources' in value) {
    if (sources === null || typeof sources !== 'object' || Array.isArray(sources))
      bad('sources', 'must be a mapping of key to URL or repository path');
    else
      for (const [key, url] of Object.entries(sources)) {
        if (typeof url !== 'string' || url.trim() === '') bad('sources', `${key} must be a URL or path`);
        else sourceMap[key] = url;
      }
  }
  const blast = value.blast;
  if ('blast' in value && !BLAST.includes(blast as string))
    bad('blast', 'must be lost (the default) or down');
  if (problems.length > before) return null;
  return {
    id: id as string,
    title: title as string,
    appliesTo: applies as string[],
    tier: tier as Tier | null,
    rto: rto as string,
    version: String(version),
    sources: sourceMap,
    ...(blast === 'down' ? { blast: 'down' as const } : {}),
  };
}
