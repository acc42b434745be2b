import { UsageError } from '../../src/core/errors.ts';
import { formatBytes, parseSize } from '../../src/core/sizes.ts';

/** The limit options of SOURCE, as parsed by `parse(args, SOURCE_OPTIONS)`. */
export interface LimitValues {
  timeout?: string | undefined;
  'request-timeout'?: string | undefined;
  'max-bytes'?: string | undefined;
}

export interface Limits {
  timeoutMs?: number;
  timeoutText?: string;
  requestTimeoutMs?: number;
  maxBytes?: number;
}

/** `--timeout 5m`, `--request-timeout 60s`, `--max-bytes 512MiB`: checked before anything is read. */
export function limitsFrom(values: LimitValues): Limits {
  const limits: Limits = {};
  if (values.timeout !== undefined) {
    limits.timeoutMs = durationMs('--timeout', values.timeout);
    limits.timeoutText = values.timeout;
  }
  if (values['request-timeout'] !== undefined)
    limits.requestTimeoutMs = durationMs('--request-timeout', values['request-timeout']);
  if (values['max-bytes'] !== undefined) {
    const bytes = parseSize(values['max-bytes']);
    if (bytes === undefined)
      throw new UsageError(`--max-bytes expects a size such as 512MiB or 1GiB, got "${values['max-bytes']}"`);
    if (bytes < 1024) throw new UsageError(`--max-bytes must be at least 1KiB, got ${formatBytes(bytes)}`);
    limits.maxBytes = bytes;
  }
  return limits;
}

const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** `500ms`, `30s`, `5m`, `1h`, `1m30s`. */
function durationMs(flag: string, text: string): number {
  const parts = [...text.matchAll(/(\d+)(ms|s|m|h)/g)];
  const whole = parts.map((p) => p[0]).join('');
  const ms = parts.reduce((sum, [, amount, unit]) => sum + Number(amount) * (UNIT_MS[unit ?? ''] ?? 0), 0);
  if (parts.length === 0 || whole !== text || ms <= 0)
    throw new UsageError(`${flag} expects a duration such as 30s, 5m or 1m30s, got "${text}"`);
  return ms;
}
