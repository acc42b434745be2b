import { isMap, isPair, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import { InputError } from '../errors.ts';
import type { TierbookConfig } from './model.ts';
import { parseConfig } from './parse.ts';
import type { PathPart } from './schema.ts';

/**
 * Parses tierbook.config.yaml's text: YAML syntax errors name file:line, and schema errors get
 * the line of the field they are about. An empty file (or one with only comments) is the
 * default configuration.
 */
export function parseConfigText(text: string, file: string): TierbookConfig {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const error = document.errors[0];
  if (error) {
    const { line, col } = lineCounter.linePos(error.pos[0]);
    throw new InputError(`YAML syntax error at column ${col}: ${error.message}`, { from: { file, line } });
  }
  let raw: unknown;
  try {
    raw = document.toJS();
  } catch (e) {
    throw new InputError(`YAML error: ${e instanceof Error ? e.message : String(e)}`, { from: { file } });
  }
  return parseConfig(raw, file, (path) => lineOfPath(document.contents, path, lineCounter));
}

/** The line where a field path is written: the key for a mapping entry, the item in a list. */
function lineOfPath(root: unknown, path: readonly PathPart[], lines: LineCounter): number | undefined {
  let node: unknown = root;
  let at: Node | undefined = isNode(root) ? root : undefined;
  for (const part of path) {
    if (isMap(node)) {
      const pair = node.items.find(
        (p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(part),
      );
      if (!pair) return undefined;
      at = isScalar(pair.key) ? pair.key : undefined;
      node = pair.value;
    } else if (isSeq(node) && typeof part === 'number') {
      node = node.items[part];
      at = isNode(node) ? node : undefined;
    } else return undefined;
  }
  const offset = at?.range?.[0];
  return offset === undefined ? undefined : lines.linePos(offset).line;
}

function isNode(value: unknown): value is Node {
  return isMap(value) || isSeq(value) || isScalar(value);
}
