import { createHash } from 'node:crypto';
import type { Provenance } from '../../model.ts';
import type { AcceptedFinding } from './acceptance.ts';
import { findingKey } from './baseline.ts';
import type { Finding, RuleMeta, Severity } from './model.ts';

/** SARIF's levels for tierbook's severities (code scanning shows error/warning/note). */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = {
  high: 'error',
  medium: 'warning',
  low: 'note',
};

export interface SarifOptions {
  version: string;
  rules: readonly RuleMeta[];
  /** Where each object was read (graph node id → file and line), for offline input. */
  provenance: ReadonlyMap<string, Provenance>;
  /** Turns a file path into the URI the report carries (relative to the repository root). */
  uriOf: (file: string) => string;
  /** Base URL of the rule docs (`…/docs/rules/`); the rule id and `.md` are appended. */
  docsBase: string;
  /** With `--baseline`: the findings already in it (`baselineState` unchanged, the rest new). */
  known?: ReadonlySet<Finding>;
  /** Accepted findings: listed with a SARIF suppression carrying the reason. */
  accepted?: readonly AcceptedFinding[];
}

/**
 * `tierbook check -o sarif`: SARIF 2.1.0, one run, every rule in the driver and every finding
 * a result. Findings read from files point at the manifest's file and line (GitHub code
 * scanning annotates the pull request there); every result also names the object as a logical
 * location. The fingerprint is the baseline's key (rule, object, field, message without times
 * and ages), so a finding seen again on the next run is the same alert, not a new one.
 */
export function sarifReport(findings: readonly Finding[], options: SarifOptions): object {
  const ruleIndex = new Map(options.rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'tierbook',
            version: options.version,
            informationUri: 'https://github.com/tierbook/tierbook',
            rules: options.rules.map((r) => ({
              id: r.id,
              name: r.id,
              shortDescription: { text: r.summary },
              helpUri: `${options.docsBase}${r.id}.md`,
              defaultConfiguration: { level: LEVEL[r.defaultSeverity] },
            })),
          },
        },
        results: [...findings, ...(options.accepted ?? [])].map((f) => {
          const where = options.provenance.get(f.id);
          const { kind, namespace, name } = f.object;
          const logical = {
            fullyQualifiedName: `${namespace ? `${namespace}/` : ''}${kind}/${name}`,
            kind: 'resource',
          };
          const physical =
            where?.file === undefined
              ? {}
              : {
                  physicalLocation: {
                    artifactLocation: { uri: options.uriOf(where.file), uriBaseId: '%SRCROOT%' },
                    region: { startLine: where.line ?? 1 },
                  },
                };
          return {
            ruleId: f.rule,
            ...(ruleIndex.has(f.rule) ? { ruleIndex: ruleIndex.get(f.rule) } : {}),
            level: LEVEL[f.severity],
            message: { text: `${f.message}${f.field ? ` (field ${f.field})` : ''}. Fix: ${f.fix}` },
            locations: [{ ...physical, logicalLocations: [logical] }],
            partialFingerprints: { 'tierbookFinding/v1': fingerprint(f) },
            ...(options.known ? { baselineState: options.known.has(f) ? 'unchanged' : 'new' } : {}),
            ...('accepted' in f ? { suppressions: [suppression(f as AcceptedFinding)] } : {}),
          };
        }),
      },
    ],
  };
}

/** SARIF's record of an accepted finding: an annotation is in source, the config external. */
function suppression(f: AcceptedFinding): object {
  const { reason, who, until } = f.accepted;
  return {
    kind: f.accepted.source === 'annotation' ? 'inSource' : 'external',
    status: 'accepted',
    justification: `${reason}${who ? ` (${who})` : ''}${until ? `; until ${until}` : ''}`,
  };
}

export function fingerprint(f: Finding): string {
  return createHash('sha256').update(findingKey(f)).digest('hex').slice(0, 32);
}
