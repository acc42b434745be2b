import {
  type Document,
  type ErrorCode,
  isAlias,
  isMap,
  isNode,
  isScalar,
  isSeq,
  LineCounter,
  type ParsedNode,
  parseAllDocuments,
  Scalar,
  visit,
  type YAMLError,
} from 'yaml';
import { InputError } from '../../errors.ts';
import { isStackOverflow, tooDeepReason } from '../nesting.ts';
import type { RawDocument } from './raw-document.ts';
import { fastYamlDocuments } from './yaml-fast.ts';

/** A hint for the parser errors people meet most, added to the parser's own reason. */
const ADVICE: Readonly<Partial<Record<ErrorCode, string>>> = {
  TAB_AS_INDENT: 'indent with spaces; YAML does not allow tabs there',
  DUPLICATE_KEY: 'a key appears twice in one mapping (the API server rejects that too)',
  BAD_INDENT: 'check this line is indented like its siblings',
  BLOCK_AS_IMPLICIT_KEY: 'a key probably lacks a space after its colon, or the line is indented too far',
  MULTILINE_IMPLICIT_KEY: 'a key probably lacks a space after its colon, or the line is indented too far',
  BAD_ALIAS: 'an alias (*name) must refer to an anchor (&name) defined before it',
};

/**
 * The text replicatedhq/troubleshoot writes in place of a redacted value. Unquoted, YAML reads
 * `***HIDDEN***` as an alias (`*` then the name `**HIDDEN***`), and masked keys can repeat.
 */
export const REDACTION_MASK = '***HIDDEN***';

/**
 * Parses every document of a YAML stream the way Kubernetes manifests are written in practice:
 * anchors, aliases, flow style and `<<:` merge keys (a YAML 1.1 feature that GitOps repositories
 * use with YAML 1.2 files, so it is switched on explicitly). Support bundles' redactions are read
 * as the strings they are: an alias that names no anchor and holds the mask is the plain text it
 * was, and a key repeated because redaction masked it keeps its last value (as the API server's
 * lenient decoder does); any other repeated key is still an error.
 */
export function parseYamlDocuments(text: string, file: string): RawDocument[] {
  // Most dumps are in the subset the fast reader covers; the full parser reads the rest and
  // reports every error with its position.
  return fastYamlDocuments(text) ?? parseYamlFully(text, file);
}

/** parseYamlDocuments with the full parser alone (positions for every node). */
export function parseYamlFully(text: string, file: string): RawDocument[] {
  const lineCounter = new LineCounter();
  const documents = parseAllDocuments(text, {
    lineCounter,
    merge: true,
    prettyErrors: false,
    uniqueKeys: sameUnmaskedKey,
  });
  const parsed: RawDocument[] = [];
  for (const document of documents) {
    const error = document.errors[0];
    if (error) throw syntaxError(error, lineCounter, file);
    const contents = document.contents;
    if (contents === null) continue;
    unmaskRedactions(document);
    const line = lineOf(contents, lineCounter, 1);
    const value = toPlainValue(document, lineCounter, file, line);
    // A document holding only comments or `~` is empty, not a wrong object.
    if (value === null || value === undefined) continue;
    const entryLines = entryNodes(contents).map((node) => lineOf(node, lineCounter, line));
    parsed.push({ value, line, entryLines });
  }
  return parsed;
}

function syntaxError(error: YAMLError, lineCounter: LineCounter, file: string): InputError {
  const { line, col } = lineCounter.linePos(error.pos[0]);
  // The parser reports its own stack overflow as a syntax error; it is the nesting that is wrong.
  if (/Maximum call stack size exceeded/.test(error.message))
    return new InputError(`YAML ${tooDeepReason()}`, { from: { file, line, column: col } });
  const advice = ADVICE[error.code];
  const reason = advice ? `${error.message} (${advice})` : error.message;
  return new InputError(`YAML syntax error at column ${col}: ${reason}`, {
    from: { file, line, column: col },
  });
}

/** Two keys are one unless they are a redaction's mask, which stands for different real keys. */
function sameUnmaskedKey(a: ParsedNode, b: ParsedNode): boolean {
  if (a === b) return true;
  if (!isScalar(a) || !isScalar(b) || a.value !== b.value) return false;
  return !String(a.value).includes(REDACTION_MASK);
}

/** `key: ***HIDDEN***` parses as an alias to no anchor: put the masked text back as a string. */
function unmaskRedactions(document: Document.Parsed): void {
  visit(document, {
    Alias(_key, node) {
      const text = `*${node.source}`;
      if (!text.includes(REDACTION_MASK) || node.resolve(document) !== undefined) return undefined;
      const scalar = new Scalar(text);
      if (node.range) scalar.range = node.range;
      return scalar;
    },
  });
}

/** `toJS` throws on an alias without an anchor and on alias bombs; name the place instead. */
function toPlainValue(
  document: Document.Parsed,
  lineCounter: LineCounter,
  file: string,
  line: number,
): unknown {
  try {
    return document.toJS();
  } catch (error) {
    if (isStackOverflow(error)) throw new InputError(`YAML ${tooDeepReason()}`, { from: { file, line } });
    const reason = error instanceof Error ? error.message : String(error);
    const at = unresolvedAlias(document, lineCounter) ?? { line };
    throw new InputError(`YAML error: ${reason}`, { from: { file, ...at } });
  }
}

function unresolvedAlias(
  document: Document.Parsed,
  lineCounter: LineCounter,
): { line: number; column: number } | undefined {
  let found: { line: number; column: number } | undefined;
  visit(document, {
    Alias(_key, node) {
      if (node.resolve(document) !== undefined) return undefined;
      const start = node.range?.[0];
      if (start === undefined) return undefined;
      const { line, col } = lineCounter.linePos(start);
      found = { line, column: col };
      return visit.BREAK;
    },
  });
  return found;
}

/** The nodes whose lines objects inherit: a top-level sequence's items, or a mapping's `items`. */
function entryNodes(contents: unknown): readonly unknown[] {
  if (isSeq(contents)) return contents.items;
  if (!isMap(contents)) return [];
  const pair = contents.items.find((item) => isScalar(item.key) && item.key.value === 'items');
  return pair && isSeq(pair.value) ? pair.value.items : [];
}

function lineOf(node: unknown, lineCounter: LineCounter, fallback: number): number {
  if (!isNode(node) && !isAlias(node)) return fallback;
  const start = node.range?.[0];
  return start === undefined ? fallback : lineCounter.linePos(start).line;
}
