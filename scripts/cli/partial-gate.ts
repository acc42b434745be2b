/**
 * A gate cannot pass what it did not see: with `--fail-on` set, a partial read (a kind the
 * cluster would not list or that timed out, a file `--partial` skipped) fails the gate, even
 * when nothing in the answer reaches the level. The answer is printed as usual; the reason is
 * one line on stderr. `gate` is the `--fail-on` value, or null when the command does not gate.
 */
export function partialReadFailsGate(unread: number, gate: string | null): boolean {
  if (unread === 0 || gate === null) return false;
  process.stderr.write(
    `tierbook: the read was partial (${unread} kind(s) or input(s) not read, listed in the answer): --fail-on ${gate} cannot pass what was not seen\n`,
  );
  return true;
}
