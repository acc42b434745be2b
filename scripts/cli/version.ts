import pkg from '../../package.json' with { type: 'json' };

/** tierbook's version, from package.json. */
export const VERSION: string = pkg.version;

/** Where a rule's documentation is read (SARIF helpUri, messages). */
export const RULE_DOCS = 'https://github.com/tierbook/tierbook/blob/main/docs/rules/';
