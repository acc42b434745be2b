/**
 * Progress of long work, one line per step on stderr ("tierbook: drawing 56 diagrams…"), only
 * when stderr is a terminal and --quiet is not given: a script or CI log that reads stdout
 * gets nothing extra, and stdout stays the answer alone.
 */
export function progressLine(
  quiet: boolean,
  stream: { isTTY?: boolean; write(text: string): unknown } = process.stderr,
): ((step: string) => void) | undefined {
  if (quiet || !stream.isTTY) return undefined;
  return (step) => {
    stream.write(`tierbook: ${step}…\n`);
  };
}
