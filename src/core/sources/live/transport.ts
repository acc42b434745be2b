/**
 * The one seam between the live source and the network. The live source only ever issues GETs
 * against API paths (`/api/v1/pods?limit=500`); the transport owns the server URL, TLS and
 * credentials. Tests inject an in-memory transport or point the real one at a local server.
 */
export interface ApiResponse {
  status: number;
  /** Header names in lower case. */
  headers: Record<string, string>;
  /** Parsed JSON when the server sent JSON, else the raw text. */
  body: unknown;
}

export interface ApiTransport {
  /**
   * `signal` aborts the request when the whole read's deadline passes; a transport that ignores
   * it still works, the read just cannot cancel what is in flight.
   */
  get(path: string, options?: { signal?: AbortSignal }): Promise<ApiResponse>;
}

/**
 * The request never got an HTTP answer: connection refused or reset, DNS failure, timeout.
 * The live source retries these; anything else a transport throws is not retried.
 */
export class NetworkFailure extends Error {
  override name = 'NetworkFailure';
  /** The system error code when there is one (`ECONNRESET`, `ECONNREFUSED`, `ETIMEDOUT`…). */
  readonly code: string;

  constructor(message: string, code: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

/**
 * The answer was larger than the transport's byte limit (`--max-bytes`): it was cut off while
 * reading, never buffered whole. Not retried: the next answer would be as large.
 */
export class ResponseTooLarge extends NetworkFailure {
  override name = 'ResponseTooLarge';

  constructor(message: string) {
    super(message, 'ETOOLARGE');
  }
}
