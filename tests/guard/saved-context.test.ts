/**
 * content/guard-context.json, the guard's saved analysis of graph.json and the part of the graph
 * a decision reads: an answer through it is the answer from graph.json, for every blast target
 * and every command naming what the inventory holds, of the sample and of every blast fixture
 * cluster, and for the guard's commands as a process; what the full path reads at answer time
 * is all kept; anything stale, edited or broken is passed over for graph.json, never trusted
 * and never a crash.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { VERSION } from '../../scripts/cli/version.ts';
import { analyze } from '../../src/core/analysis/analyze.ts';
import { adoptBlastContext, blastContext } from '../../src/core/analysis/blast/context.ts';
import {
  blastJson,
  blastRadius,
  FAILURE_DOMAIN_TYPES,
  knownTargets,
} from '../../src/core/analysis/blast/index.ts';
import { notServing } from '../../src/core/analysis/blast/instances.ts';
import { isFinished } from '../../src/core/analysis/blast/workload-effect.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { GraphIndex } from '../../src/core/graph/graph-index.ts';
import { leftOutWarnings } from '../../src/core/graph/left-out.ts';
import type { EdgeType, Graph, GraphEdge, GraphNode } from '../../src/core/graph/model.ts';
import { readSavedInventory } from '../../src/core/graph/read-saved-inventory.ts';
import { assessSteps } from '../../src/core/guard/assess.ts';
import { guardInventory } from '../../src/core/guard/inventory.ts';
import { guardInventoryTable } from '../../src/core/guard/inventory-table.ts';
import { recognise } from '../../src/core/guard/recognise.ts';
import { savedRuns } from '../../src/core/guard/saved-answers.ts';
import { GUARD_CONTEXT_FILE } from '../../src/core/guard/saved-context.ts';
import { readGuardContext } from '../../src/core/guard/saved-context-body.ts';
import { guardContextText, guardContextTextOf } from '../../src/core/guard/saved-context-text.ts';
import { guardGraph } from '../../src/core/guard/saved-graph.ts';
import { inventoryAndAnalysis, loadCluster } from '../../src/core/index.ts';
import { savedInventoryText } from '../../src/core/render/saved-inventory-file.ts';
import { readDrillFile } from '../../src/io/drills-dir.ts';
import { readGuardContextFile, sha256 } from '../../src/io/guard-context-file.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { blastFixtureInventories } from '../content-source/fixture-inventories.ts';
import { sampleContentCopy } from '../reliability/support.ts';
import { commandsFor } from './commands-for.ts';
import { CLI, NOW, REPO } from './support.ts';

const LATER = '2026-12-01T06:00:00Z';

/** What the guard's reader is told of graph.json: its size, and its SHA-256 when asked. */
function graphFacts(graphText: string) {
  return { graphBytes: Buffer.byteLength(graphText), graph: () => sha256(graphText) };
}

/** The saved context of `graphText`, read back as the guard reads it (it must be used). */
function throughContext(graphText: string, now: string): Analysis {
  const found = readGuardContext(
    guardContextText(graphText, VERSION, sha256),
    { ...graphFacts(graphText), tierbook: VERSION, now },
    sha256,
  );
  assert.ok('analysis' in found, `the context is used: ${'unused' in found ? found.unused : ''}`);
  const { graph, ...head } = readSavedInventory(graphText, 'graph.json');
  assert.deepEqual(found.head, head, "graph.json's head, as graph.json holds it");
  assert.deepEqual(found.leftOut, leftOutWarnings(graph), 'the warnings the full path prints');
  return found.analysis;
}

function decide(a: Analysis, command: string, node: string | null) {
  return assessSteps(command, recognise(command, node, guardInventory(a)), a, null);
}

/** Every command of `commandsFor`: the same decision from both analyses. */
function assertSameDecisions(viaContext: Analysis, full: Analysis, name: string): number {
  const commands = commandsFor(full);
  for (const [command, node] of commands)
    assert.deepEqual(decide(viaContext, command, node), decide(full, command, node), `${name}: ${command}`);
  return commands.length;
}

/** A graph index that notes every node, edge and node field handed out (scans included). */
class RecordingIndex extends GraphIndex {
  readonly nodesRead = new Set<string>();
  readonly edgesRead = new Set<GraphEdge>();
  readonly fieldsRead: Map<string, Set<string>>;
  constructor(graph: Graph) {
    const fieldsRead = new Map<string, Set<string>>();
    const watch = (node: GraphNode): GraphNode => {
      const attrs = new Proxy(node.attrs, {
        get(target, key, receiver) {
          if (typeof key === 'string')
            fieldsRead.set(node.id, (fieldsRead.get(node.id) ?? new Set()).add(key));
          return Reflect.get(target, key, receiver);
        },
      });
      return { ...node, attrs };
    };
    super({ ...graph, nodes: graph.nodes.map(watch) });
    this.fieldsRead = fieldsRead;
  }
  override node(id: string): GraphNode | undefined {
    this.nodesRead.add(id);
    return super.node(id);
  }
  override out(id: string, ...types: EdgeType[]): GraphEdge[] {
    const edges = super.out(id, ...types);
    for (const e of edges) this.edgesRead.add(e);
    return edges;
  }
  override in(id: string, ...types: EdgeType[]): GraphEdge[] {
    const edges = super.in(id, ...types);
    for (const e of edges) this.edgesRead.add(e);
    return edges;
  }
}

/** A pod that runs, serves and is not static: the guard's graph leaves it out. */
function absentAlike(full: Analysis, node: GraphNode): boolean {
  return (
    node.kind === 'Pod' &&
    node.attrs.staticPod !== true &&
    !isFinished(full.index, node.id) &&
    notServing(full.index, node.id) === null
  );
}

/**
 * The other half of the proof: on the full path, once the analysis and the blast preparation
 * are made, every node and edge that every blast target and every command reads is one the
 * saved context keeps (or a pod it leaves out because an absent pod answers the same).
 */
function assertReadsKept(full: Analysis, name: string): number {
  const index = new RecordingIndex(full.index.graph);
  const watched: Analysis = { ...full, index };
  const { shapes, claims, osdsOf, deploymentOwners } = blastContext(full);
  adoptBlastContext(watched, { shapes, claims, osdsOf, deploymentOwners });
  for (const target of knownTargets(full))
    for (const outage of [false, true]) blastRadius(watched, [target], { outage });
  for (const [command, node] of commandsFor(full)) decide(watched, command, node);
  const slim = guardGraph(blastContext(full));
  const kept = new Set(slim.nodes.map((n) => n.id));
  const edge = (e: { from: string; to: string; type: string }) => `${e.from} ${e.type} ${e.to}`;
  const keptEdges = new Set(slim.edges.map(edge));
  for (const id of index.nodesRead) {
    const node = full.index.node(id);
    if (!node || kept.has(id)) continue;
    assert.ok(absentAlike(full, node), `${name}: ${id} is read at answer time but not saved`);
  }
  for (const e of index.edgesRead)
    assert.ok(keptEdges.has(edge(e)), `${name}: edge ${edge(e)} is read at answer time but not saved`);
  // A field read of a node saved is saved as it is; of a pod left out, one an absent pod lacks.
  const saved = new Map(slim.nodes.map((n) => [n.id, n]));
  for (const [id, keys] of index.fieldsRead) {
    const node = full.index.node(id) as GraphNode;
    for (const key of keys)
      assert.deepEqual(
        saved.get(id)?.attrs[key],
        saved.has(id) || !absentAlike(full, node) ? node.attrs[key] : undefined,
        `${name}: field ${key} of ${id} is read at answer time`,
      );
  }
  return index.nodesRead.size;
}

/** Every blast target, lost and down, and the analysis the guard's recognition reads. */
function assertSameAnswers(viaContext: Analysis, full: Analysis, name: string): number {
  for (const part of [
    'workloads',
    'dependencies',
    'tiers',
    'protections',
    'restores',
    'ignoredDrills',
  ] as const)
    assert.deepEqual(viaContext[part], full[part], `${name}: ${part}`);
  let compared = 0;
  for (const target of knownTargets(full)) {
    for (const outage of [false, true]) {
      assert.deepEqual(
        blastJson(blastRadius(viaContext, [target], { outage })),
        blastJson(blastRadius(full, [target], { outage })),
        `${name}: ${target.text}${outage ? ' --outage' : ''}`,
      );
      compared++;
    }
  }
  return compared;
}

test('the sample: every blast target and guard decision through the saved context equals the full path', () => {
  const text = readFileSync(join(REPO, 'content', 'graph.json'), 'utf8');
  const saved = readSavedInventory(text, 'graph.json');
  // A `now` other than the inventory's: the saved parts do not depend on it, the answer's ages do.
  const full = analyze(saved.graph, { config: saved.config, now: LATER });
  const viaContext = throughContext(text, LATER);
  assert.ok(assertSameAnswers(viaContext, full, 'sample') > 40);
  assert.ok(assertSameDecisions(viaContext, full, 'sample') > 40);
  assert.ok(assertReadsKept(full, 'sample') > 40);
  for (const [command, node] of COMMANDS) {
    const answer = (a: Analysis) =>
      assessSteps(command, recognise(command, node, guardInventory(a)), a, null);
    assert.deepEqual(answer(viaContext), answer(full), command);
  }
});

// `demo --check` passes over the cache (an upgrade alone is no drift); this holds the sample's.
test('the committed sample content/guard-context.json is what this tierbook writes for its graph.json', () => {
  const text = readFileSync(join(REPO, 'content', 'graph.json'), 'utf8');
  assert.equal(
    readFileSync(join(REPO, 'content', GUARD_CONTEXT_FILE), 'utf8'),
    guardContextText(text, VERSION, sha256),
    'regenerate it: npx node scripts/tierbook.ts demo --out content --no-build',
  );
});

test('every blast fixture cluster answers the same through its saved context: every target, every command', async () => {
  let compared = 0;
  let decided = 0;
  for await (const { name, text } of blastFixtureInventories()) {
    const saved = readSavedInventory(text, 'graph.json');
    const viaContext = throughContext(text, NOW);
    const full = analyze(saved.graph, { config: saved.config, now: NOW });
    compared += assertSameAnswers(viaContext, full, name);
    decided += assertSameDecisions(viaContext, full, name);
    assertReadsKept(full, name);
  }
  assert.ok(compared > 200, `compared ${compared} answers`);
  assert.ok(decided > 200, `compared ${decided} decisions`);
});

// `inventory` makes the file from the graph and analysis in memory, not by reading graph.json back.
test('the context made from memory at inventory is the bytes made from graph.json read back, drills or none', async () => {
  let compared = 0;
  let reused = 0;
  for await (const { name, graph, text } of blastFixtureInventories()) {
    const { config, takenAt } = readSavedInventory(text, 'graph.json');
    const analysis = analyze(graph, { config, now: takenAt });
    // The failure domains' blasts as the inventory computes them for its pages: reused, same bytes.
    const domainBlasts = knownTargets(analysis, FAILURE_DOMAIN_TYPES).map((target) => ({
      target,
      result: blastRadius(analysis, target),
    }));
    const written = { graph, analysis, drills: 0, graphBytes: Buffer.byteLength(text), domainBlasts };
    const expected = guardContextText(text, VERSION, sha256);
    assert.equal(guardContextTextOf(text, written, VERSION, sha256), expected, name);
    // They are used: one changed changes the file.
    const saved = new Set(
      savedRuns(guardInventoryTable(analysis))
        .filter((run) => !run.outage)
        .map((run) => run.targets[0]),
    );
    const first = domainBlasts.findIndex((d) => saved.has(d.target.text) && d.result.impacts.length > 0);
    if (first >= 0) {
      const changed = domainBlasts.map((d, i) =>
        i === first ? { ...d, result: { ...d.result, impacts: [] } } : d,
      );
      assert.notEqual(
        guardContextTextOf(text, { ...written, domainBlasts: changed }, VERSION, sha256),
        expected,
        `${name}: the inventory's blasts are the ones saved`,
      );
      reused++;
    }
    compared++;
  }
  assert.ok(compared > 5, `compared ${compared} fixtures`);
  assert.ok(reused > 3, `${reused} fixtures' saved answers came from the inventory's blasts`);
  // The sample with a recorded drill: the inventory's analysis counts it, the guard's does not.
  const drill = await readDrillFile(join(REPO, 'tests', 'fixtures', 'drills', 'pg-main.json'));
  const sample = await loadCluster(await readOffline([join(REPO, 'src', 'sample', 'cluster')]));
  const { inventory, analysis, domainBlasts } = await inventoryAndAnalysis(sample, {
    cluster: 'sample-homelab',
    now: NOW,
    drills: [{ file: 'pg-main.json', drill }],
  });
  assert.ok(analysis.restores.size > 0 || analysis.ignoredDrills.length > 0, 'the drill counts');
  const text = savedInventoryText(inventory, VERSION);
  // Its blasts counted the drill too: not reused.
  const written = {
    graph: inventory.graph,
    analysis,
    drills: 1,
    graphBytes: Buffer.byteLength(text),
    domainBlasts,
  };
  const expected = guardContextText(text, VERSION, sha256);
  assert.equal(guardContextTextOf(text, written, VERSION, sha256), expected);
  assert.notEqual(
    guardContextTextOf(text, { ...written, drills: 0 }, VERSION, sha256),
    expected,
    "the inventory's own analysis, drill counted, is not the guard's",
  );
});

/** A context file's sections by name, as its stamp lists them. */
function sectionsOf(file: string): { stamp: Record<string, unknown>; texts: Map<string, string> } {
  const bytes = Buffer.from(file);
  const newline = bytes.indexOf(0x0a);
  const stamp = JSON.parse(bytes.subarray(0, newline).toString()) as Record<string, unknown>;
  const texts = new Map<string, string>();
  let at = newline + 1;
  for (const { name, bytes: size } of stamp.sections as { name: string; bytes: number }[]) {
    texts.set(name, bytes.subarray(at, at + size).toString());
    at += size;
  }
  return { stamp, texts };
}

/** A context file made of `texts` with a stamp that matches them (sizes and checksums). */
function assembled(stamp: Record<string, unknown>, texts: ReadonlyMap<string, string>): string {
  const sections = [...texts].map(([name, text]) => ({
    name,
    bytes: Buffer.byteLength(text),
    sha256: sha256(text),
  }));
  return `${JSON.stringify({ ...stamp, sections })}\n${[...texts.values()].join('')}`;
}

test('a context for other bytes, another tierbook or format, or an edited body is not used, with why', () => {
  const text = readFileSync(join(REPO, 'content', 'graph.json'), 'utf8');
  const file = guardContextText(text, VERSION, sha256);
  const expected = { ...graphFacts(text), tierbook: VERSION, now: NOW };
  const newline = file.indexOf('\n');
  const { stamp, texts } = sectionsOf(file);
  const restamped = (change: Record<string, unknown>) =>
    `${JSON.stringify({ ...stamp, ...change })}${file.slice(newline)}`;
  // Sections that match their checksums, one of them replaced.
  const withSection = (name: string, body: string) => assembled(stamp, new Map([...texts, [name, body]]));
  const cases: [string, string | Uint8Array, typeof expected, RegExp][] = [
    [
      'graph.json edited',
      file,
      { ...expected, graph: () => sha256(`${text.slice(1)}{`) },
      /graph\.json changed/,
    ],
    [
      'graph.json of another size',
      file,
      { ...expected, graphBytes: expected.graphBytes + 1 },
      /graph\.json changed/,
    ],
    ['another tierbook', file, { ...expected, tierbook: `${VERSION}-other` }, /made by tierbook/],
    ['an older format', restamped({ format: 4 }), expected, /format 4/],
    ['a newer format', restamped({ format: 99 }), expected, /format 99/],
    [
      'its context edited',
      file.replace('"placements"', '"placementz"'),
      expected,
      /context does not match its checksum/,
    ],
    [
      'its head edited',
      file.replace('"holdsCoreKind":true', '"holdsCoreKind":null'),
      expected,
      /head does not match/,
    ],
    ['cut short', file.slice(0, file.length - 100), expected, /add up to/],
    ['no stamp', file.slice(newline + 1).replaceAll('\n', ' '), expected, /stamp|read/],
    ['a stamp missing a field', restamped({ sections: undefined }), expected, /does not read/],
    [
      'sections in another order',
      assembled(stamp, new Map([...texts].reverse())),
      expected,
      /sections are not/,
    ],
    ['not JSON', 'garbage\n{', expected, /does not read/],
    ['empty', '', expected, /no stamp/],
    // A context that matches its checksum but is not a context: still not an answer.
    [
      'a checksummed context of the wrong shape',
      withSection('context', '{"nodes":3}\n'),
      expected,
      /does not read/,
    ],
    // Checksummed, but its strings and numbers point outside (or to no) value table.
    [
      'a checksummed context pointing outside its value table',
      withSection('context', '{"values":["a"],"workloads":[1]}\n'),
      expected,
      /no value 1/,
    ],
    [
      'a checksummed context without a value table',
      withSection('context', '{"workloads":[0]}\n'),
      expected,
      /no value table/,
    ],
    // Checksummed, but made from an inventory that holds nothing: the full path refuses it.
    [
      'an inventory holding no core kind',
      withSection('head', (texts.get('head') ?? '').replace('"holdsCoreKind":true', '"holdsCoreKind":false')),
      expected,
      /no core kind/,
    ],
    [
      'a stamp that is not UTF-8',
      Buffer.concat([Buffer.from([0xff]), Buffer.from(file)]),
      expected,
      /does not read/,
    ],
  ];
  for (const [name, body, want, why] of cases) {
    const found = readGuardContext(body, want, sha256);
    assert.ok('unused' in found, `${name}: not used`);
    assert.match(found.unused, why, name);
  }
});

// The guard's commands, harmless look-alikes among them: the incident replayed (osd.3 on
// /dev/sdc of k8s-2), a claim, a drain, and commands that only look.
const COMMANDS: [string, string | null][] = [
  ['ceph osd purge 3 --yes-i-really-mean-it', null],
  ['kubectl rook-ceph rook purge-osd 3 --force', null],
  ['wipefs -a /dev/sdc', 'k8s-2'],
  ['wipefs -a /dev/sdz', 'k8s-2'],
  ['kubectl delete pvc -n databases pg-main-1', null],
  ['kubectl drain k8s-1 --ignore-daemonsets', null],
  ['ceph osd out 3', null],
  ['ceph osd purge 42 --yes-i-really-mean-it', null],
  ['kubectl get pods -A', null],
  ['ceph osd ok-to-stop 3', null],
  ['ceph osd tree', null],
];

function guard(cwd: string, command: string, node: string | null, extra: string[] = []) {
  const args = ['guard', '--content', 'content', '--now', LATER, '--json', ...extra];
  const run = spawnSync(process.execPath, [CLI, ...args, ...(node ? ['--node', node] : []), '--', command], {
    cwd,
    encoding: 'utf8',
  });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}

test('as a process: the same exit code and JSON with the saved context, without it, stale or broken', async (t) => {
  const { dir, content } = await sampleContentCopy(t);
  const contextFile = join(content, GUARD_CONTEXT_FILE);
  const fresh = await readGuardContextFile(content, { tierbook: VERSION, now: LATER });
  assert.ok('analysis' in fresh, 'the committed sample content/ carries a current guard context');
  const withContext = COMMANDS.map(([command, node]) => guard(dir, command, node));
  const kept = await readFile(contextFile, 'utf8');
  await rm(contextFile);
  COMMANDS.forEach(([command, node], i) => {
    const full = guard(dir, command, node);
    const fast = withContext[i];
    assert.equal(fast?.code, full.code, command);
    assert.ok(
      full.code === 0 || full.code === 1,
      `${command}: a decision, exit ${full.code}\n${full.stderr}`,
    );
    assert.equal(fast?.stdout, full.stdout, command);
    assert.equal(fast?.stderr, '', `${command}: the context was used, quietly`);
    assert.equal(full.stderr, '', `${command}: no context, no note`);
  });
  assert.equal(withContext[0]?.code, 1);
  assert.equal((JSON.parse(withContext[0]?.stdout ?? '') as { level: string }).level, 'data-loss');
  assert.equal(withContext[8]?.code, 0, 'kubectl get pods -A passes');

  // Broken in ways a disk, a merge or a hand can break it: each passed over, same answer.
  const purge = COMMANDS[0] as [string, null];
  const expected = guard(dir, ...purge);
  for (const [name, text] of [
    ['truncated', kept.slice(0, kept.length / 2)],
    ['garbage', '\u0000\u0001not a context'],
    // In sections the purge reads: the OSDs (the command's target), and its saved answer.
    ['an OSD edited', kept.replace('"name":"3"', '"name":"33"')],
    ['an answer edited', kept.replace(/^\[\[/m, '[[ ')],
  ] as const) {
    await writeFile(contextFile, text);
    const run = guard(dir, ...purge);
    assert.equal(run.code, expected.code, name);
    assert.equal(run.stdout, expected.stdout, name);
    assert.match(run.stderr, /guard-context\.json not used: .*answering from graph\.json/, name);
  }

  // Stale: graph.json changed after the context was made (here, when it was taken).
  await writeFile(contextFile, kept);
  const graphFile = join(content, 'graph.json');
  const graph = await readFile(graphFile, 'utf8');
  await writeFile(
    graphFile,
    graph.replace('"takenAt": "2026-11-24T06:00:00Z"', '"takenAt": "2026-11-20T06:00:00Z"'),
  );
  const stale = guard(dir, ...purge);
  assert.match(stale.stderr, /not used: graph\.json changed since it was made/);
  assert.match(stale.stdout, /taken 2026-11-20T06:00:00Z/, 'the answer is the edited graph.json');
  await rm(contextFile);
  const noContext = guard(dir, ...purge);
  assert.equal(stale.code, noContext.code);
  assert.equal(stale.stdout, noContext.stdout);
});
