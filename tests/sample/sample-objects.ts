/**
 * Loads the committed sample cluster (src/sample/cluster/*.yaml) with the `yaml` package, the way
 * tierbook will, and offers small typed readers over the untyped objects for the sample tests.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

export const SAMPLE_DIR = join(import.meta.dirname, '..', '..', 'src', 'sample', 'cluster');

export type Json = Record<string, unknown>;

export interface SampleObject {
  file: string;
  apiVersion: string;
  kind: string;
  name: string;
  namespace: string | undefined;
  uid: string;
  raw: Json;
}

export function isRecord(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path`, or undefined when any step is missing. */
export function at(value: unknown, ...path: (string | number)[]): unknown {
  let current = value;
  for (const step of path) {
    if (typeof step === 'number') {
      if (!Array.isArray(current)) return undefined;
      current = current[step];
    } else {
      if (!isRecord(current)) return undefined;
      current = current[step];
    }
  }
  return current;
}

export function text(value: unknown, ...path: (string | number)[]): string | undefined {
  const found = at(value, ...path);
  return typeof found === 'string' ? found : undefined;
}

export function records(value: unknown): Json[] {
  return Array.isArray(value) ? value.filter(isRecord) : [];
}

export function stringMap(value: unknown): Record<string, string> {
  if (!isRecord(value)) return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value)) if (typeof v === 'string') out[k] = v;
  return out;
}

export function sampleFiles(dir = SAMPLE_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => name.endsWith('.yaml'))
    .sort();
}

/** Every item of every List file; throws naming the file and item when the shape is wrong. */
export function loadSample(dir = SAMPLE_DIR): SampleObject[] {
  const objects: SampleObject[] = [];
  for (const file of sampleFiles(dir)) {
    const document: unknown = parse(readFileSync(join(dir, file), 'utf8'));
    if (!isRecord(document) || document.kind !== 'List' || document.apiVersion !== 'v1') {
      throw new Error(`${file}: expected an apiVersion v1 kind List`);
    }
    const items = document.items;
    if (!Array.isArray(items)) throw new Error(`${file}: items is not a list`);
    items.forEach((item: unknown, index) => {
      const apiVersion = text(item, 'apiVersion');
      const kind = text(item, 'kind');
      const name = text(item, 'metadata', 'name');
      const uid = text(item, 'metadata', 'uid');
      if (!isRecord(item) || !apiVersion || !kind || !name || !uid) {
        throw new Error(`${file}: items[${index}] lacks apiVersion, kind, metadata.name or metadata.uid`);
      }
      objects.push({
        file,
        apiVersion,
        kind,
        name,
        namespace: text(item, 'metadata', 'namespace'),
        uid,
        raw: item,
      });
    });
  }
  return objects;
}

export function ofKind(objects: readonly SampleObject[], kind: string): SampleObject[] {
  return objects.filter((o) => o.kind === kind);
}

export function find(
  objects: readonly SampleObject[],
  kind: string,
  namespace: string | undefined,
  name: string,
): SampleObject | undefined {
  return objects.find((o) => o.kind === kind && o.namespace === namespace && o.name === name);
}

export function labelsOf(object: SampleObject): Record<string, string> {
  return stringMap(at(object.raw, 'metadata', 'labels'));
}

export function matches(selector: Record<string, string>, labels: Record<string, string>): boolean {
  const entries = Object.entries(selector);
  return entries.length > 0 && entries.every(([k, v]) => labels[k] === v);
}

/** The value of env var `name` in a pod spec's container `container`. */
export function envOf(podSpec: unknown, container: string, name: string): string | undefined {
  const found = records(at(podSpec, 'containers')).find((c) => c.name === container);
  const variable = records(found?.env).find((e) => e.name === name);
  return typeof variable?.value === 'string' ? variable.value : undefined;
}

export function claimNamesOf(podSpec: unknown): string[] {
  return records(at(podSpec, 'volumes'))
    .map((v) => text(v, 'persistentVolumeClaim', 'claimName'))
    .filter((n): n is string => n !== undefined);
}
