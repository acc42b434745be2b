import type { Provenance } from './model.ts';

/** Bad input: the message names the file and line (or API path), the object and the field. */
export class InputError extends Error {
  readonly from: Provenance;
  readonly object: string | undefined;
  readonly field: string | undefined;

  constructor(message: string, where: { from?: Provenance; object?: string; field?: string } = {}) {
    super(message);
    this.name = 'InputError';
    this.from = where.from ?? {};
    this.object = where.object;
    this.field = where.field;
  }

  /** One line an operator can act on: `file:line: object: field: message`. */
  describe(): string {
    const parts: string[] = [];
    const place = formatProvenance(this.from);
    if (place) parts.push(place);
    if (this.object) parts.push(this.object);
    if (this.field) parts.push(`field ${this.field}`);
    parts.push(this.message);
    return parts.join(': ');
  }
}

/** Bad command-line usage (unknown command, target, flag). */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** A program tierbook needs is not on this machine (Chromium for diagrams and PDFs). */
export class MissingToolError extends Error {
  override name = 'MissingToolError';
}

/**
 * The output folder cannot or must not be written: it is not tierbook's, it is a file or a
 * symbolic link, or the disk is full. Exit 2 with the reason, never a stack trace.
 */
export class OutputError extends Error {
  override name = 'OutputError';
}

/** The cluster could not be read at all: unreachable, unauthorised. */
export class ClusterReadError extends Error {
  override name = 'ClusterReadError';
}

export function formatProvenance(from: Provenance): string {
  if (from.file) {
    if (!from.line) return from.file;
    return from.column ? `${from.file}:${from.line}:${from.column}` : `${from.file}:${from.line}`;
  }
  return from.apiPath ?? '';
}
