import {
  ClusterReadError,
  InputError,
  MissingToolError,
  OutputError,
  UsageError,
} from '../../src/core/errors.ts';

/** The one place that turns outcomes into exit codes (see the CLI contract). */
export async function runWithExitCode(main: () => Promise<number>): Promise<void> {
  quietWhenStdoutCloses();
  try {
    process.exitCode = await main();
  } catch (error) {
    process.exitCode = reportError(error);
  }
}

function reportError(error: unknown): number {
  if (error instanceof InputError) {
    process.stderr.write(`tierbook: bad input: ${error.describe()}\n`);
    return 2;
  }
  if (error instanceof UsageError) {
    process.stderr.write(`tierbook: ${error.message}\nRun "tierbook --help" for usage.\n`);
    return 2;
  }
  if (error instanceof OutputError) {
    process.stderr.write(`tierbook: ${error.message}\n`);
    return 2;
  }
  if (error instanceof MissingToolError) {
    process.stderr.write(`tierbook: ${error.message}\n`);
    return 2;
  }
  if (error instanceof ClusterReadError) {
    process.stderr.write(`tierbook: cannot read the cluster: ${error.message}\n`);
    return 3;
  }
  const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
  process.stderr.write(
    `tierbook: internal error (this is a bug in tierbook; please report it with the text below)\n${detail}\n`,
  );
  return 2;
}

/**
 * A reader that stops early (`tierbook guard … | head -1`) closes the pipe: Node then reports
 * EPIPE as an error event on stdout, which unhandled is a stack trace and exit 1 whatever the
 * command decided. Here the rest of the output is dropped quietly and the command runs to its
 * own exit code: a guard that blocks still exits 1, never 0, and a success is not turned into
 * a failure. Any other stdout error is left to crash loudly.
 */
function quietWhenStdoutCloses(): void {
  const { stdout } = process;
  stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    stdout.write = () => true;
  });
}
