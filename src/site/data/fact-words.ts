import { fallbackTitle } from './page-index.ts';

/**
 * A storage object's attributes as an operator reads them: `blockPathField` becomes "device
 * path read from field", a graph id becomes "Deployment rook-ceph/rook-ceph-osd-3". A key
 * without a row is split at its capitals ("failureDomain" → "failure domain"); of a nested key
 * (`parameters.clusterID`) only the first part is.
 */
const FACT_WORDS: Readonly<Record<string, string>> = {
  blockPath: 'device path',
  blockPathField: 'device path read from field',
  cvMode: 'ceph-volume mode',
  deployment: 'OSD Deployment',
  deviceClass: 'device class',
  'location.host': 'CRUSH host',
  'location.root': 'CRUSH root',
  'location.zone': 'CRUSH zone',
  'location.rack': 'CRUSH rack',
  onPvc: 'on a PVC',
  osd: 'OSD id',
  volatileName: 'kernel name (can move)',
  configuredIn: 'configured in',
  configuredField: 'configured at field',
  lvm: 'LVM volume',
  parameters: 'parameter',
};

/** Attributes whose value is a graph id: shown as the object's name. */
const ID_VALUES: ReadonlySet<string> = new Set(['deployment', 'configuredIn']);

export function factWords(key: string): string {
  const known = FACT_WORDS[key];
  if (known) return known;
  // `parameters.clusterID`: the nested key is a name someone typed, kept as it is.
  const dot = key.indexOf('.');
  if (dot > 0) return `${factWords(key.slice(0, dot))} ${key.slice(dot + 1)}`;
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

export function factValue(key: string, value: string): string {
  if (ID_VALUES.has(key) && value.split('/').length >= 3) return fallbackTitle(value);
  if (value === 'true') return 'yes';
  if (value === 'false') return 'no';
  return value;
}
