/**
 * Every rule's docs page shows a failing and a passing example (```yaml failing / ```yaml
 * passing); this runs them, so the docs cannot drift from what the rule does. Each failing
 * example is followed by a ```text messages block: the exact message of each finding, one a
 * line, in the rule's order.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { RULES } from '../../src/core/analysis/checks/index.ts';
import { analysisOfText } from './support.ts';

const repo = join(import.meta.dirname, '..', '..');
const docs = join(repo, 'docs', 'rules');

/** The rule ids of ARCHITECTURE.md section 3 (check). */
const CONTRACT_RULES = [
  'volatile-device-name',
  'pool-low-redundancy',
  'failure-domain-too-narrow',
  'backup-missing',
  'backup-stale',
  'backup-in-blast-radius',
  'snapshot-only-protection',
  'backup-failing',
  'reclaim-delete-critical',
  'default-storageclass-critical',
  'single-replica-critical',
  'node-pinned-unprotected',
  'replicas-share-failure-domain',
  'ceph-unhealthy',
  'unclassified-stateful',
];

interface Example {
  kind: 'failing' | 'passing';
  yaml: string;
  line: number;
  /** The ```text messages block after a failing example, its lines; null when there is none. */
  messages: string[] | null;
}

function examples(text: string): Example[] {
  const found: Example[] = [];
  for (const match of text.matchAll(/^```(yaml failing|yaml passing|text messages)\n([\s\S]*?)^```$/gm)) {
    const body = match[2] as string;
    const last = found[found.length - 1];
    if (match[1] === 'text messages') {
      // A messages block belongs to the failing example just before it, and to no other.
      if (last?.kind === 'failing' && last.messages === null) last.messages = body.split('\n').slice(0, -1);
      else throw new Error(`a text messages block follows no failing example: ${body}`);
      continue;
    }
    const line = text.slice(0, match.index).split('\n').length;
    const kind = match[1] === 'yaml failing' ? 'failing' : 'passing';
    found.push({ kind, yaml: body, line, messages: null });
  }
  return found;
}

describe('rule docs', () => {
  it('every contract rule id is in RULES', () => {
    const ids = RULES.map((r) => r.meta.id);
    for (const id of CONTRACT_RULES) assert.ok(ids.includes(id), `${id} is not in RULES`);
  });

  it('rule ids are unique and each names its own docs page', () => {
    const ids = RULES.map((r) => r.meta.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const rule of RULES) assert.equal(rule.meta.docs, `docs/rules/${rule.meta.id}.md`);
  });

  it('docs/rules/README.md lists every rule', () => {
    const index = readFileSync(join(docs, 'README.md'), 'utf8');
    for (const rule of RULES) assert.match(index, new RegExp(`\\(${rule.meta.id}\\.md\\)`), rule.meta.id);
  });

  it('every page belongs to a rule', () => {
    const pages = readdirSync(docs).filter((f) => f.endsWith('.md') && f !== 'README.md');
    const ids = new Set(RULES.map((r) => `${r.meta.id}.md`));
    for (const page of pages) assert.ok(ids.has(page), `docs/rules/${page} has no rule`);
  });

  for (const rule of RULES) {
    describe(rule.meta.id, () => {
      const file = join(repo, rule.meta.docs);
      it('has a docs page with a failing and a passing example', () => {
        assert.ok(existsSync(file), `${rule.meta.docs} is missing`);
        const kinds = examples(readFileSync(file, 'utf8')).map((e) => e.kind);
        assert.ok(kinds.includes('failing'), 'no ```yaml failing block');
        assert.ok(kinds.includes('passing'), 'no ```yaml passing block');
      });
      if (!existsSync(file)) return;
      for (const example of examples(readFileSync(file, 'utf8'))) {
        it(`${example.kind} example (line ${example.line})`, () => {
          const analysis = analysisOfText(example.yaml, `${rule.meta.docs}:${example.line}`);
          const findings = rule.check(analysis);
          if (example.kind === 'passing') {
            assert.deepEqual(findings, [], 'the passing example fires');
            return;
          }
          assert.ok(findings.length > 0, 'the failing example does not fire');
          assert.ok(example.messages, 'no ```text messages block after the failing example');
          assert.deepEqual(
            findings.map((f) => f.message),
            example.messages,
            'the messages differ from the ```text messages block',
          );
          for (const f of findings) {
            assert.equal(f.rule, rule.meta.id);
            assert.ok(
              analysis.index.node(f.id) && !analysis.index.node(f.id)?.derived,
              `${f.id} is not a read object`,
            );
            assert.ok(f.field && f.message && f.fix, 'field, message and fix are all set');
          }
        });
      }
    });
  }
});
