import type { Json } from './model.ts';

/**
 * Credentials that ride in URLs (`https://user:password@host`, `?X-Amz-Signature=…`,
 * `;password=…`) never leave tierbook: every URL it records is redacted here. What is kept is
 * what an operator needs to find the place (scheme, host, port, path, harmless parameters).
 */
export const REDACTED = 'REDACTED';

/** Parameter names that hold a credential, compared lower-cased (`X-Amz-Signature`, Azure's `sig`). */
const SECRET_NAMES = new Set(['sig', 'key', 'pass', 'pwd', 'auth', 'sas', 'jwt', 'awsaccesskeyid']);
/** …or that contain one of these (`access_token`, `client_secret`, `X-Amz-Credential`). */
const SECRET_PARTS = [
  'token',
  'secret',
  'passw',
  'signature',
  'credential',
  'apikey',
  'api_key',
  'api-key',
  'accesskey',
  'access_key',
  'privatekey',
  'private_key',
  'session',
];

export function isSecretParameter(name: string): boolean {
  const lower = name.toLowerCase();
  return SECRET_NAMES.has(lower) || SECRET_PARTS.some((part) => lower.includes(part));
}

const SCHEMED = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/is;
/** `user:password@host…` or `token@host…` with no scheme (a pgBackRest endpoint). */
const SCHEMELESS_USERINFO = /^([^\s/]+)@([^@\s/]*(?:[/?#].*)?)$/s;
const PARAMETER = /([?&;#])([^=&;#?/]+)=([^&;#]*)/g;

/**
 * One URL (or address) as a field holds it, with its credentials replaced by `REDACTED`:
 * the userinfo (`user:password@`, a token as user name), and the values of credential-like
 * query, fragment or `;` parameters. Longhorn's `s3://bucket@region/` names a bucket, not a
 * user, and is kept.
 */
export function redactUrl(url: string): string {
  const schemed = SCHEMED.exec(url);
  if (!schemed) {
    const bare = SCHEMELESS_USERINFO.exec(url);
    return bare ? `${REDACTED}@${redactParameters(bare[2] ?? '')}` : redactParameters(url);
  }
  const scheme = schemed[1] ?? '';
  const rest = schemed[2] ?? '';
  const { userinfo, after } = splitUserinfo(rest);
  const keep = userinfo === undefined || (scheme.toLowerCase() === 's3' && !userinfo.includes(':'));
  const authority = keep ? `${userinfo === undefined ? '' : `${userinfo}@`}` : `${REDACTED}@`;
  return `${scheme}://${authority}${redactParameters(after)}`;
}

/** A host (a name, an IPv4 or `[IPv6]`, maybe an unsubstituted `${VAR}`) and an optional port. */
const HOST_PORT = /^(\[[0-9a-f:.]+\]|[\w${}%~-]+(\.[\w${}%~-]*)*)(:\d*)?$/i;

/**
 * The userinfo ends at the last `@` of the authority (which ends at the first `/`, `?` or `#`).
 * A password written with an unencoded `/`, `?` or `#` makes the authority end early, at
 * something that is no `host:port` (the URL is invalid as written): then the userinfo runs to
 * the last `@`. A valid `host:port` keeps its path as written (`/path@v2` names no user).
 */
function splitUserinfo(rest: string): { userinfo: string | undefined; after: string } {
  const end = rest.search(/[/?#]/);
  const authority = end === -1 ? rest : rest.slice(0, end);
  const at = authority.lastIndexOf('@');
  const valid = HOST_PORT.test(authority.slice(at + 1));
  const lastAt = rest.lastIndexOf('@');
  if (!valid && lastAt > at) return { userinfo: rest.slice(0, lastAt), after: rest.slice(lastAt + 1) };
  if (at !== -1) return { userinfo: authority.slice(0, at), after: rest.slice(at + 1) };
  return { userinfo: undefined, after: rest };
}

function redactParameters(text: string): string {
  if (!text.includes('=')) return text;
  return text.replace(PARAMETER, (whole, separator: string, name: string) =>
    isSecretParameter(name) ? `${separator}${name}=${REDACTED}` : whole,
  );
}

/**
 * Where a URL may start in free text: a scheme, or (no scheme) `user:password@host` starting a
 * word. An image's `name:tag@sha256:<digest>` is no password.
 */
const URL_IN_TEXT =
  /[a-z][a-z0-9+.-]*:\/\/[^\s"<>`]+|(?<=^|[\s"'=(,[{])[^\s"'<>`=(,[{/@:]+:[^\s"<>`/]*@(?![a-z0-9]+:[0-9a-f]{32,})[^\s"'<>`]+/gi;

/**
 * Free text (a `why`, an error a backup tool reported, a composed "s3://bucket at host") with
 * every URL in it redacted as `redactUrl` does, and every `NAME=value` whose name says it is a
 * credential (`PGPASSWORD=`, `X-Amz-Signature=`). Trailing punctuation is left outside the URL,
 * unless the URL ends in a redacted value (the punctuation may be part of the secret).
 */
export function redactUrlsIn(text: string): string {
  if (!text.includes('@') && !text.includes('=')) return text;
  return redactAssignments(text).replace(URL_IN_TEXT, (found) => {
    const trail = /[.,;:!')\]}]+$/.exec(found)?.[0] ?? '';
    if (!trail) return redactUrl(found);
    const head = found.slice(0, -trail.length);
    const url = redactUrl(head);
    // Already redacted (text redacted twice): the punctuation is the sentence's.
    return url.endsWith(REDACTED) && !head.endsWith(REDACTED) ? redactUrl(found) : `${url}${trail}`;
  });
}

/** `PGPASSWORD=…`, `aws_secret_access_key=…` starting a word of free text (an error quoting env). */
const ASSIGNMENT = /(?<=^|[\s"'(,;])([A-Za-z_][\w.-]*)=([^\s"'&;,)]+)/g;

function redactAssignments(text: string): string {
  return text.replace(ASSIGNMENT, (whole, name: string) =>
    SECRET_PARTS.some((part) => name.toLowerCase().includes(part)) ? `${name}=${REDACTED}` : whole,
  );
}

/** Every string in a JSON value (keys kept) with its URLs redacted. */
export function redactUrlsInJson(value: Json): Json {
  if (typeof value === 'string') return redactUrlsIn(value);
  if (Array.isArray(value)) return value.map(redactUrlsInJson);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, Json> = {};
  for (const [key, entry] of Object.entries(value)) out[key] = redactUrlsInJson(entry as Json);
  return out;
}
