/**
 * `tierbook guard --hook claude-code` end to end: a PreToolUse event (the shape Claude Code
 * sends on stdin, per code.claude.com/docs/en/hooks: session_id, transcript_path, cwd,
 * permission_mode, hook_event_name, tool_name, tool_input, tool_use_id) piped into the CLI
 * process. Exit 0 with a JSON decision, exit 0 silent to pass, exit 2 to block; never any other
 * code, which Claude Code would treat as "run the tool".
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { CLI, event, hook, NOW } from './support.ts';

function decision(stdout: string) {
  const out = JSON.parse(stdout) as {
    hookSpecificOutput: {
      hookEventName: string;
      permissionDecision: string;
      permissionDecisionReason: string;
    };
  };
  assert.equal(out.hookSpecificOutput.hookEventName, 'PreToolUse');
  return out.hookSpecificOutput;
}

test('the incident through the hook: denied, the blast radius as the reason', () => {
  const run = hook(
    event('Bash', { command: 'ceph osd purge 3 --yes-i-really-mean-it', description: 'Purge the 250GB OSD' }),
  );
  assert.equal(run.code, 0, run.stderr);
  const d = decision(run.stdout);
  assert.equal(d.permissionDecision, 'deny');
  for (const name of [
    'databases/pg-main',
    'databases/pxc-main',
    'auth/authentik-redis',
    'tierbook runbook osd-remove osd/3',
  ])
    assert.ok(d.permissionDecisionReason.includes(name), name);
});

test('wipefs on k8s-2 through ssh, in the hook: denied', () => {
  const run = hook(event('Bash', { command: "ssh k8s-2 'sudo wipefs -a /dev/sdc'" }));
  assert.equal(run.code, 0, run.stderr);
  assert.equal(decision(run.stdout).permissionDecision, 'deny');
});

test('a tier-0 outage, a step it cannot tell and a point of no return below the gate are asked', () => {
  for (const command of [
    'kubectl drain k8s-2 --ignore-daemonsets',
    'ceph osd purge 9 --yes-i-really-mean-it',
    'kubectl delete pvc datadir-pxc-main-pxc-0 -n databases',
  ]) {
    const run = hook(event('Bash', { command }));
    assert.equal(run.code, 0, `${command}: ${run.stderr}`);
    assert.equal(decision(run.stdout).permissionDecision, 'ask', command);
  }
});

test("harmless Bash and other tools pass silently (Claude Code's own rules still apply)", () => {
  for (const stdin of [
    event('Bash', { command: 'kubectl get pods -A' }),
    event('Bash', { command: 'ceph osd ok-to-stop 3' }),
    event('Read', { file_path: '/home/op/homelab/README.md' }),
    event('Write', { file_path: '/tmp/x', content: 'ceph osd purge 3' }),
  ]) {
    const run = hook(stdin);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stdout, '');
  }
});

test('garbage, a wrong event and a Bash event without a command block with exit 2', () => {
  for (const stdin of [
    '',
    'not json',
    '[]',
    '{"tool_name": 3}',
    JSON.stringify({ hook_event_name: 'PostToolUse', tool_name: 'Bash', tool_input: { command: 'ls' } }),
    event('Bash', {}),
    event('Bash', { command: ['ceph', 'osd', 'purge', '3'] }),
    event('Bash', { command: 'ceph osd purge 3' }).slice(0, 60),
  ]) {
    const run = hook(stdin);
    assert.equal(run.code, 2, `${stdin}: ${run.stdout}`);
    assert.match(run.stderr, /tierbook guard: blocked, the guard could not decide/);
    assert.equal(run.stdout, '');
  }
});

test('an inventory that cannot be read, or bad options, block with exit 2 (not 3, not 1)', () => {
  const unreadable = hook(event('Bash', { command: 'ceph osd purge 3' }), [
    'guard',
    '--hook',
    'claude-code',
    '--from',
    'no/such/dump',
  ]);
  assert.equal(unreadable.code, 2);
  assert.match(unreadable.stderr, /no\/such\/dump/);
  const wrongHook = hook(event('Bash', { command: 'ls' }), ['guard', '--hook', 'cursor']);
  assert.equal(wrongHook.code, 2);
  const badOption = hook(event('Bash', { command: 'ls' }), [
    'guard',
    '--hook',
    'claude-code',
    '--fail-on',
    'x',
  ]);
  assert.equal(badOption.code, 2);
});

test('with no SOURCE the hook reads ./content when it holds graph.json, and says how old it is', () => {
  // The repository's committed content/ is the sample cluster's inventory.
  const run = hook(event('Bash', { command: 'kubectl rook-ceph rook purge-osd 3 --force' }), [
    'guard',
    '--hook',
    'claude-code',
    '--now',
    NOW,
  ]);
  assert.equal(run.code, 0, run.stderr);
  const d = decision(run.stdout);
  assert.equal(d.permissionDecision, 'deny');
  assert.match(
    d.permissionDecisionReason,
    /answered from the inventory in content \(taken [^)]+\),\s+not\s+from the cluster/,
  );
});

test('with no SOURCE and no ./content the hook reads the cluster; none reachable blocks with exit 2', async () => {
  const { mkdtemp } = await import('node:fs/promises');
  const { tmpdir } = await import('node:os');
  const empty = await mkdtemp(join(tmpdir(), 'tierbook-guard-hook-'));
  const run = spawnSync(process.execPath, [CLI, 'guard', '--hook', 'claude-code'], {
    encoding: 'utf8',
    cwd: empty,
    input: event('Bash', { command: 'ceph osd purge 3' }),
    env: { ...process.env, KUBECONFIG: join(empty, 'no-such-kubeconfig'), KUBERNETES_SERVICE_HOST: '' },
  });
  assert.equal(run.status, 2, run.stdout);
  assert.match(run.stderr, /tierbook guard: blocked, the guard could not decide/);
});
