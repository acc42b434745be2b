/**
 * A diagram that could not be drawn, or whose SVG was refused (mermaid-renderer.ts). The
 * message ends with the Mermaid source; `source` holds it, so a caller that knows which pages
 * show the diagram can name them (`onPages`).
 */
export class DiagramError extends Error {
  readonly problem: string;
  readonly source: string;

  constructor(problem: string, source: string) {
    super(`${problem}:\n${source}`);
    this.name = 'DiagramError';
    this.problem = problem;
    this.source = source;
  }

  /** The same error, naming the files of the pages that draw it: the first five and how many more. */
  onPages(files: readonly string[]): DiagramError {
    if (files.length === 0) return this;
    const named = files.slice(0, 5);
    const more = files.length > named.length ? ` and ${files.length - named.length} more` : '';
    const which = files.length === 1 ? 'the page of' : 'the pages of';
    return new DiagramError(
      `${this.problem}; it is drawn on ${which} ${named.join(', ')}${more}`,
      this.source,
    );
  }
}
