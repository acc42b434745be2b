/** The guard's shell reader and wrapper removal, on their own. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planAsScript } from '../../src/core/guard/plan.ts';
import { parseShell } from '../../src/core/guard/shell.ts';
import { unwrapScript } from '../../src/core/guard/unwrap.ts';

const words = (text: string) => parseShell(text).commands.map((c) => c.words);

test('quotes, escapes and separators', () => {
  assert.deepEqual(words(`a 'b c' "d \\"e\\" $'f\\'g'" h\\ i`), [['a', 'b c', "d \"e\" $'f\\'g'", 'h i']]);
  assert.deepEqual(words('a && b || c; d | e & f\ng'), [['a'], ['b'], ['c'], ['d'], ['e'], ['f'], ['g']]);
  assert.deepEqual(words('a \\\n b # c d\ne'), [['a', 'b'], ['e']]);
  assert.deepEqual(words('x=1 \'y\'z"w"'), [['x=1', 'yzw']]);
});

test('variables and substitutions are dynamic; what a substitution runs is read', () => {
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a shell parameter expansion, on purpose
  const parsed = parseShell('echo "$X" ${Y} $(ceph osd purge 3) `rbd rm img`');
  assert.deepEqual(parsed.commands[0]?.dynamic, [false, true, true, true, true]);
  assert.deepEqual(
    parsed.substituted.map((c) => c.words),
    [
      ['ceph', 'osd', 'purge', '3'],
      ['rbd', 'rm', 'img'],
    ],
  );
});

test('redirections keep their targets; here-documents their bodies', () => {
  const parsed = parseShell(
    'cat /dev/zero > /dev/sdc 2>&1\nssh n <<-EOF\n\twipefs -a /dev/sdc\n\tEOF\necho after',
  );
  assert.deepEqual(parsed.commands[0]?.writes, ['/dev/sdc']);
  assert.deepEqual(parsed.commands[1]?.stdin, ['\twipefs -a /dev/sdc']);
  assert.deepEqual(parsed.commands[2]?.words, ['echo', 'after']);
  assert.deepEqual(parsed.problems, []);
});

test('what it cannot read is a problem, never silence', () => {
  for (const text of ["echo 'open", 'echo "open', 'echo $(open', 'echo `open', 'cat <<EOF\nbody'])
    assert.notDeepEqual(parseShell(text).problems, [], text);
});

test('wrappers are taken off down to the command that runs, with the node it runs on', () => {
  const { invocations } = unwrapScript(
    "ssh admin@k8s-2 'sudo env A=1 timeout 5 nsenter -t 1 -m -- wipefs -a /dev/sdc' && kubectl -n rook-ceph exec -it deploy/rook-ceph-tools -- bash -c 'ceph osd purge 3'",
    null,
  );
  assert.deepEqual(
    invocations.map((i) => [i.words.join(' '), i.node]),
    [
      ['wipefs -a /dev/sdc', 'k8s-2'],
      ['ceph osd purge 3', null],
    ],
  );
  assert.deepEqual(invocations[0]?.via, ['ssh k8s-2', 'sudo', 'env', 'timeout', 'nsenter']);
});

test('xargs gets what a literal echo pipes in, else an unknown word', () => {
  const known = unwrapScript('echo 3 4 | xargs -n1 ceph osd purge', null).invocations.at(-1);
  assert.deepEqual(known?.words, ['ceph', 'osd', 'purge', '3', '4']);
  const unknown = unwrapScript('ceph osd ls | xargs ceph osd purge', null).invocations.at(-1);
  assert.equal(unknown?.dynamic.at(-1), true);
});

test('a plan reads as its commands: list markers, prompts and code fences are taken off', () => {
  const plan = [
    'Plan:',
    '1. ceph osd tree',
    '2) $ ceph osd purge 3',
    '- `wipefs -a /dev/sdc`',
    '```sh',
    'ssh k8s-2 lsblk',
    '```',
  ].join('\n');
  assert.deepEqual(words(planAsScript(plan)), [
    ['Plan:'],
    ['ceph', 'osd', 'tree'],
    ['ceph', 'osd', 'purge', '3'],
    ['`wipefs -a /dev/sdc`'],
    ['ssh', 'k8s-2', 'lsblk'],
  ]);
  assert.deepEqual(
    parseShell(planAsScript(plan)).substituted.map((c) => c.words),
    [['wipefs', '-a', '/dev/sdc']],
  );
  const script = 'set -e\nfor i in 1 2; do\n  echo $i\ndone';
  assert.equal(planAsScript(script), script);
});
