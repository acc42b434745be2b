/**
 * Which variable, key and flag names say their value is a network address. A value that merely
 * equals a Service's name (`MYSQL_DATABASE=kubevious`) names no Service; the same bare name
 * under `DB_HOST` does. Names are split into words at `_`, `-`, `.`, spaces and camelCase:
 * `AUTHENTIK_POSTGRESQL__HOST` → authentik postgresql host, `dbHost` → db host,
 * `spring.datasource.url` → spring datasource url. docs/blast.md lists these tables.
 */

/** The last word of an address name (`DB_HOST`, `host`, `KAFKA_BROKERS`, `--upstream`). */
export const ADDRESS_WORDS: readonly string[] = [
  'host',
  'hosts',
  'hostname',
  'addr',
  'address',
  'addresses',
  'server',
  'servers',
  'url',
  'urls',
  'uri',
  'uris',
  'endpoint',
  'endpoints',
  'dsn',
  'service',
  'upstream',
  'upstreams',
  'broker',
  'brokers',
  'issuer',
];

/**
 * Address words that also end a single run-together word (`PAPERLESS_DBHOST`, `REDISURL`),
 * with at least two letters before them so `ghost` and `curl` stay words.
 */
export const ADDRESS_SUFFIXES: readonly string[] = [
  'host',
  'hostname',
  'url',
  'uri',
  'addr',
  'dsn',
  'server',
];

/**
 * Any of these words makes a name sign-in configuration (`OIDC_ISSUER`, `GF_AUTH_GENERIC_OAUTH_AUTH_URL`,
 * `OPENID_PROVIDER_URL`, `--oidc-issuer-url`): the address it holds is an identity provider the
 * app signs its users in through.
 */
export const SIGN_IN_WORDS: readonly string[] = [
  'issuer',
  'oidc',
  'oauth',
  'oauth2',
  'openid',
  'sso',
  'saml',
];

/** `auth` followed by one of these last words is sign-in too (`AUTH_URL`, `*_AUTH_ENDPOINT`). */
export const SIGN_IN_AUTH_LAST: readonly string[] = ['url', 'uri', 'endpoint', 'server', 'host'];

/** Names whose value is an image reference, never an address (`IMAGE=redis:7` is no `host:port`). */
export const NOT_ADDRESS_WORDS: readonly string[] = ['image', 'tag', 'version', 'repository'];

/**
 * Any of these words makes a name the app's own address, never a dependency: where the identity
 * provider sends users back to (`OAUTH2_PROXY_REDIRECT_URL`, `GF_AUTH_SIGNOUT_REDIRECT_URL`).
 */
export const OWN_ADDRESS_WORDS: readonly string[] = ['redirect', 'callback'];

/** Single-letter flags that take an address (`pg_isready -h db`, `redis-cli -h cache`). */
export const ADDRESS_SHORT_FLAGS: Readonly<Record<string, string>> = { h: 'host' };

export interface NameJudgement {
  /** The name as written (`DB_HOST`, `datasources[0].url`, `--db-host`); undefined for free text. */
  name?: string;
  /** Its value is an address: a bare single-label value names a Service. */
  address: boolean;
  /**
   * Its value is where users sign in: the identity provider it names is needed to serve. Only
   * address-shaped values count (a URL, `host:port`, a DNS name), unless `address` too.
   */
  signIn: boolean;
  /** Its value is an image reference: `name:tag` is not `host:port`. */
  image: boolean;
}

export const FREE_TEXT: NameJudgement = { address: false, signIn: false, image: false };

/** `DB_HOST` → db host; `dbHost` → db host; `--upstream-url` → upstream url. */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(Boolean);
}

/**
 * `context` is where the name sits inside a structured value (`openid_connect.APPS[0].settings`):
 * a sign-in word there makes an address under it sign-in too. Not the file or variable holding
 * the value: every address in `oauth2_proxy.cfg` is not sign-in (its `upstreams` is the app).
 */
export function judgeName(name: string | undefined, context?: string): NameJudgement {
  if (name === undefined) return FREE_TEXT;
  const words = nameWords(name);
  const around = context === undefined ? [] : nameWords(context);
  const last = words[words.length - 1] ?? '';
  const address =
    ADDRESS_WORDS.includes(last) ||
    ADDRESS_SUFFIXES.some((suffix) => last.length >= suffix.length + 2 && last.endsWith(suffix));
  const signIn =
    [...words, ...around].some((w) => SIGN_IN_WORDS.includes(w)) ||
    (words.includes('auth') && SIGN_IN_AUTH_LAST.includes(last));
  if (words.some((w) => OWN_ADDRESS_WORDS.includes(w)))
    return { name, address: false, signIn: false, image: false };
  return { name, address, signIn, image: NOT_ADDRESS_WORDS.includes(last) };
}
