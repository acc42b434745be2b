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
  get(path: string): Promise<ApiResponse>;
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
