import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import type { Impact } from '../../src/core/analysis/blast/model.ts';
import type { Analysis } from '../../src/core/analysis/model.ts';
import { assessSteps } from '../../src/core/guard/assess.ts';
import { guardInventory } from '../../src/core/guard/inventory.ts';
import type { GuardAnswer } from '../../src/core/guard/model.ts';
import { recognise } from '../../src/core/guard/recognise.ts';
import { readOffline } from '../../src/io/read-offline.ts';
import { analysisFrom } from '../support/pipeline.ts';

export const REPO = join(import.meta.dirname, '..', '..');
export const NOW = '2026-11-24T06:00:00Z';

let sample: Promise<Analysis> | null = null;

/** The built-in sample cluster (src/sample/cluster), analysed once per test file. */
export function sampleAnalysis(): Promise<Analysis> {
  sample ??= readOffline([join(REPO, 'src/sample/cluster')]).then((source) =>
    analysisFrom(source, { now: NOW }),
  );
  return sample;
}

/** The guard's answer for `text` on the sample, as the CLI computes it. */
export async function guardSample(
  text: string,
  node: string | null = null,
  gate: Impact | null = null,
): Promise<GuardAnswer> {
  const analysis = await sampleAnalysis();
  return assessSteps(text, recognise(text, node, guardInventory(analysis)), analysis, gate);
}

export const CLI = join(REPO, 'scripts', 'tierbook.ts');

/** `tierbook guard --hook claude-code` on the sample. */
const HOOK = ['guard', '--hook', 'claude-code', '--from', 'src/sample/cluster', '--now', NOW];

export function event(toolName: string, toolInput: Record<string, unknown>): string {
  return JSON.stringify({
    session_id: 'b2c5f1d0-6a4e-4f0b-9a57-1c2d3e4f5a6b',
    transcript_path: '/home/op/.claude/projects/homelab/b2c5f1d0.jsonl',
    cwd: '/home/op/homelab',
    permission_mode: 'default',
    hook_event_name: 'PreToolUse',
    tool_name: toolName,
    tool_input: toolInput,
    tool_use_id: 'toolu_01ABCdefGHIjklMNOpqrSTU',
  });
}

export function hook(stdin: string, args: string[] = HOOK) {
  const run = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', cwd: REPO, input: stdin });
  return { code: run.status, stdout: run.stdout, stderr: run.stderr };
}
