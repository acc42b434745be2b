/**
 * One parsed YAML or JSON document before tierbook looks at what it holds: the plain value, the
 * line it starts on, and the lines of its entries when it is a list (a top-level array, or the
 * `items` of a List) so every object keeps its own line for messages.
 */
export interface RawDocument {
  value: unknown;
  line: number;
  /** Line of each element of the top-level array, or of each entry of `items`; may be shorter. */
  entryLines: readonly number[];
}
