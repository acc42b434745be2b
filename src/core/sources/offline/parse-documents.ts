import { formatProvenance } from '../../errors.ts';
import type { Skipped, SourceItem } from '../../model.ts';
import { checkNesting } from '../nesting.ts';
import { checkObject } from './check-object.ts';
import { rejectNul } from './decode-text.ts';
import { type DocumentPart, expandDocument } from './expand-document.ts';
import { parseJsonDocument } from './json-documents.ts';
import type { KindHint } from './layout-hints.ts';
import type { RawDocument } from './raw-document.ts';
import { parseYamlDocuments } from './yaml-documents.ts';

export interface ParsedFile {
  items: SourceItem[];
  skipped: Skipped[];
}

export interface ParseOptions {
  /** What the file's place in a known dump layout says about kindless objects. */
  hint?: KindHint;
}

/** What became of one part of a file; `data` marks parts that show the file holds cluster data. */
type Outcome = { item: SourceItem } | { skipped: Skipped; data: boolean } | { emptyList: true };

/**
 * Reads the Kubernetes objects in one file's text: a `kubectl get -o json|yaml` List, multi-document
 * YAML, a JSON document or a top-level array of objects. Each object keeps its file and line.
 * Documents that are not objects are skipped with a reason, and a file with no object at all is
 * one skipped entry; Secrets are dropped unread; malformed input is an `InputError` naming the place.
 */
export function parseDocuments(text: string, file: string, options: ParseOptions = {}): ParsedFile {
  const clean = rejectNul(text.startsWith('\uFEFF') ? text.slice(1) : text, file);
  const documents = clean.trim() === '' ? [] : readDocuments(clean, file);
  for (const document of documents) checkNesting(document.value, file, document.line);
  const outcomes = documents
    .flatMap((document) => expandDocument(document, file, options.hint))
    .map((part) => outcomeOf(part, file));
  const holdsData = outcomes.some((outcome) => !('skipped' in outcome) || outcome.data);
  if (!holdsData) return { items: [], skipped: [{ where: file, reason: noObjects(outcomes, clean) }] };
  const parsed: ParsedFile = { items: [], skipped: [] };
  for (const outcome of outcomes) {
    if ('item' in outcome) parsed.items.push(outcome.item);
    else if ('skipped' in outcome) parsed.skipped.push(outcome.skipped);
  }
  return parsed;
}

function outcomeOf(part: DocumentPart, file: string): Outcome {
  if ('emptyList' in part) return { emptyList: true };
  if ('notObject' in part) {
    const where = formatProvenance({ file, line: part.notObject.line });
    return { skipped: { where, reason: `not a Kubernetes object: ${part.notObject.what}` }, data: false };
  }
  const from = { file, line: part.candidate.line };
  const checked = checkObject(part.candidate, file);
  if ('object' in checked) return { item: { object: checked.object, from } };
  return {
    skipped: { where: formatProvenance(from), reason: checked.skip },
    data: checked.because === 'secret',
  };
}

/**
 * `.json` files, and texts that open like JSON, go through `JSON.parse`; a text that only looks
 * like JSON (flow-style YAML, several documents) falls back to the YAML parser, whose error then
 * describes the text as YAML.
 */
function readDocuments(text: string, file: string): RawDocument[] {
  if (file.toLowerCase().endsWith('.json')) return [parseJsonDocument(text, file)];
  if (/^\s*[[{]/.test(text)) {
    try {
      return [parseJsonDocument(text, file)];
    } catch {
      // not JSON: parse it as YAML below
    }
  }
  return parseYamlDocuments(text, file);
}

function noObjects(outcomes: readonly Outcome[], text: string): string {
  const first = outcomes.find((outcome) => 'skipped' in outcome);
  if (!first || !('skipped' in first)) {
    return text.trim() === '' ? 'empty file' : 'no Kubernetes objects (only comments or empty documents)';
  }
  const count = outcomes.length === 1 ? 'one entry' : `${outcomes.length} entries`;
  const firstReason = first.skipped.reason.replace(/^not a Kubernetes object: /, '');
  return `no Kubernetes objects (${count}; the first: ${firstReason})`;
}
