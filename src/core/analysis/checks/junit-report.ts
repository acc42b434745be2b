import type { Finding, RuleMeta } from './model.ts';

/**
 * `tierbook check -o junit`: one test suite per rule, one failing test case per finding (its
 * severity as the failure type), and a passing case for a rule with no finding, so CI test
 * dashboards show which checks ran and which failed. Only findings at or above `failAt` fail;
 * the rest are passing cases with the finding in their system-out, reported, not failed.
 */
export function junitReport(
  findings: readonly Finding[],
  rules: readonly RuleMeta[],
  fails: (f: Finding) => boolean,
): string {
  const suites = rules.map((rule) => {
    const mine = findings.filter((f) => f.rule === rule.id);
    const failures = mine.filter(fails).length;
    const cases =
      mine.length === 0
        ? [`    <testcase classname="tierbook.${xml(rule.id)}" name="no findings"/>`]
        : mine.map((f) => {
            const { kind, namespace, name } = f.object;
            const object = `${namespace ? `${namespace}/` : ''}${kind}/${name}`;
            const head = `    <testcase classname="tierbook.${xml(rule.id)}" name="${xml(object)}${f.field ? ` ${xml(f.field)}` : ''}">`;
            const body = fails(f)
              ? `      <failure type="${f.severity}" message="${xml(f.message)}">${xml(`Fix: ${f.fix}`)}</failure>`
              : `      <system-out>${xml(`${f.severity}: ${f.message} Fix: ${f.fix}`)}</system-out>`;
            return `${head}\n${body}\n    </testcase>`;
          });
    return `  <testsuite name="${xml(rule.id)}" tests="${Math.max(mine.length, 1)}" failures="${failures}" errors="0" skipped="0">\n${cases.join('\n')}\n  </testsuite>`;
  });
  const total = rules.reduce((n, r) => n + Math.max(findings.filter((f) => f.rule === r.id).length, 1), 0);
  const failed = findings.filter(fails).length;
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="tierbook check" tests="${total}" failures="${failed}" errors="0">\n${suites.join('\n')}\n</testsuites>\n`;
}

/** Text and attribute values: the five XML specials, and control characters XML 1.0 forbids. */
function xml(text: string): string {
  return [...text]
    .filter((c) => c >= ' ' || c === '\t' || c === '\n' || c === '\r')
    .join('')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
