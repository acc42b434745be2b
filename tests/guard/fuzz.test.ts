/**
 * Properties of the guard that must hold for all input (fast-check): a destructive command
 * stays blocked whatever is wrapped around it or thrown after it; no input makes the guard
 * throw; garbage on the hook's stdin never exits 0.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { parseHookEvent } from '../../src/core/guard/hook.ts';
import { event, guardSample, hook } from './support.ts';

/** Destructive commands of the sample, each with the node it needs (or none). */
const DESTRUCTIVE: [string, string | null][] = [
  ['ceph osd purge 3 --yes-i-really-mean-it', null],
  ['ceph osd destroy 3', null],
  ['kubectl rook-ceph rook purge-osd 3 --force', null],
  ['wipefs -a /dev/sdc', 'k8s-2'],
  ['sgdisk --zap-all /dev/sdc', 'k8s-2'],
  ['dd if=/dev/zero of=/dev/sdc bs=1M', 'k8s-2'],
  ['kubectl delete pvc data-authentik-redis-0 -n auth', null],
  ['kubectl delete namespace databases', null],
  ['ceph osd pool delete scratch scratch --yes-i-really-really-mean-it', null],
  ['kubectl drain k8s-2 --ignore-daemonsets', null],
];

const HARMLESS = ['ceph osd tree', 'kubectl get pods -A', 'echo done', 'ceph -s', 'true', 'ls -la /tmp'];

/** Wrappers that run what they wrap: each keeps the command's meaning. */
const WRAP: ((c: string) => string)[] = [
  (c) => `sudo ${c}`,
  (c) => `sudo -u root ${c}`,
  (c) => `env FOO=1 ${c}`,
  (c) => `FOO=bar ${c}`,
  (c) => `timeout 60 ${c}`,
  (c) => `nice -n 10 ${c}`,
  (c) => `bash -c '${c}'`,
  (c) => `sh -c "${c}"`,
  (c) => `bash <<'EOF'\n${c}\nEOF`,
  (c) => `$(${c})`,
  (c) => `echo "$(${c})"`,
  (c) => `(${c})`,
  (c) => `if ceph osd ok-to-stop 3; then ${c}; fi`,
  (c) => `for i in 1; do ${c}; done`,
  (c) => `run() { ${c}; }; run`,
];

/** Words that do not change what a command does: quoted junk, paths, numbers. */
const junkWord = fc.oneof(
  fc.stringMatching(/^[a-z0-9./]{1,12}$/),
  fc.stringMatching(/^[a-z0-9 ]{0,12}$/).map((s) => `'${s}'`),
  fc.stringMatching(/^[a-z0-9 ]{0,12}$/).map((s) => `"${s}"`),
);

test('a destructive command stays blocked inside wrappers, chains, pipes and junk arguments', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(...DESTRUCTIVE),
      fc.array(fc.constantFrom(...WRAP), { maxLength: 3 }),
      fc.array(junkWord, { maxLength: 3 }),
      fc.constantFrom(...HARMLESS),
      fc.constantFrom(' && ', ' || ', '; ', ' | ', '\n', ' & '),
      fc.boolean(),
      async ([command, node], wraps, junk, neighbour, join, before) => {
        const core = junk.length > 0 && !command.startsWith('dd') ? `${command} ${junk.join(' ')}` : command;
        // A wrapper that quotes is skipped when the command holds that quote (unescaped it
        // would change the command, so the oracle would be wrong, not the guard).
        const wrapped = wraps.reduce((c, w) => {
          const quote = ["'", '"'].find((q) => w(c).includes(`${q}${c}${q}`));
          return quote && c.includes(quote) ? c : w(c);
        }, core);
        const line = before ? `${neighbour}${join}${wrapped}` : `${wrapped}${join}${neighbour}`;
        const answer = await guardSample(line, node);
        assert.equal(answer.decision, 'block', `${JSON.stringify(line)}: ${answer.summary}`);
      },
    ),
    { numRuns: 300 },
  );
});

/** Token soup that starts with a destructive command: whatever follows, never a pass. */
const SOUP = [
  '3',
  '/dev/sdc',
  "'",
  '"',
  '$(',
  '`',
  '&&',
  '|',
  ';',
  'sudo',
  'bash',
  '-c',
  '<<EOF',
  'EOF',
  'xargs',
  '\\',
  '#',
  '(',
  ')',
  '>',
  '/dev/sdd',
  '$X',
  '{}',
  '*',
  '2>&1',
  'osd',
  'purge',
];

test('destructive-looking garbage never passes, and the reader never throws', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.constantFrom(
        'ceph osd purge',
        'wipefs -a',
        'kubectl delete pvc',
        'ceph osd pool delete',
        'kubectl rook-ceph rook purge-osd',
      ),
      fc.array(fc.constantFrom(...SOUP), { maxLength: 8 }),
      async (head, soup) => {
        const line = `${head} ${soup.join(' ')}`;
        const answer = await guardSample(line, 'k8s-2');
        assert.equal(answer.decision, 'block', `${JSON.stringify(line)}: ${answer.summary}`);
      },
    ),
    { numRuns: 400 },
  );
});

test('any text at all gets an answer, never an exception', async () => {
  await fc.assert(
    fc.asyncProperty(fc.string({ unit: 'grapheme-ascii', maxLength: 80 }), async (text) => {
      const answer = await guardSample(text, null);
      assert.ok(answer.decision === 'block' || answer.decision === 'pass');
    }),
    { numRuns: 500 },
  );
});

test('parseHookEvent accepts only a PreToolUse event with a tool name', () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
      ),
      (text) => {
        let parsed: ReturnType<typeof parseHookEvent> | null = null;
        try {
          parsed = parseHookEvent(text);
        } catch {
          return;
        }
        const e = JSON.parse(text) as { tool_name?: unknown; tool_input?: { command?: unknown } };
        assert.equal(typeof e.tool_name, 'string');
        if (parsed.tool === 'Bash') assert.equal(typeof e.tool_input?.command, 'string');
      },
    ),
    { numRuns: 500 },
  );
});

test("garbage on the hook's stdin exits 2 (blocks), never 0 or 1", () => {
  fc.assert(
    fc.property(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.jsonValue({ maxDepth: 2 }).map((v) => JSON.stringify(v)),
        fc.nat({ max: 150 }).map((n) => event('Bash', { command: 'ceph osd purge 3' }).slice(0, n)),
      ),
      (stdin) => {
        const run = hook(stdin);
        assert.equal(run.code, 2, `${JSON.stringify(stdin)} → ${run.code} ${run.stdout}`);
      },
    ),
    { numRuns: 12 },
  );
});

test('a destructive command in a well-formed event never passes silently', () => {
  fc.assert(
    fc.property(fc.constantFrom(...DESTRUCTIVE), fc.constantFrom(...WRAP), ([command, node], wrap) => {
      const line = node ? `ssh ${node} '${command}'` : wrap(command);
      const run = hook(event('Bash', { command: line }));
      assert.equal(run.code, 0, run.stderr);
      const decision = JSON.parse(run.stdout).hookSpecificOutput.permissionDecision;
      assert.ok(decision === 'deny' || decision === 'ask', `${line}: ${decision}`);
    }),
    { numRuns: 6 },
  );
});
