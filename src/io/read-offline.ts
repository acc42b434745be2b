import { InputError } from '../core/errors.ts';
import { RESOURCE_TYPES } from '../core/graph/reads.ts';
import type { NotRead, SourceResult } from '../core/model.ts';
import {
  decodeText,
  dedupeItems,
  notReadFile,
  type ParsedFile,
  parseDocuments,
  scanUnresolved,
  sortItems,
} from '../core/sources/offline/index.ts';
import {
  applyFluxVariables,
  type FileRead,
  isKustomizeFile,
  kustomizeFiles,
  skipPatches,
} from './flux-apply.ts';
import { type FileToRead, filesToRead } from './offline-files.ts';
import { fileLimit, readFileBounded } from './read-file-bounded.ts';

const READ_CONCURRENCY = 8;

export interface OfflineOptions {
  /**
   * `--partial`: a file that cannot be read and may hold kinds tierbook uses is skipped and
   * listed (the inventory says it is partial) instead of failing the run.
   */
  partial?: boolean;
  /**
   * `--max-bytes`: the most bytes read from one file (default 256 MiB, at most 512 MiB). Counted
   * while reading, so `/dev/zero` or an endless pipe stops at the limit instead of filling memory.
   */
  maxBytes?: number;
}

/**
 * Reads offline input: files, directories of YAML/JSON (recursively, skipping `node_modules` and
 * dot-directories), must-gather folders and support bundles (read with their layout hints).
 * Flux post-build variables are applied where a Kustomization in the input reaches
 * (`flux-scope.ts`). A file that cannot be read is listed in `notRead`; it fails the run only
 * when it may hold kinds tierbook uses and `partial` is off. Objects come back deduplicated and
 * sorted by group, kind, namespace and name.
 */
export async function readOffline(
  paths: readonly string[],
  options: OfflineOptions = {},
): Promise<SourceResult> {
  const { files, skipped } = await filesToRead(paths);
  const maxBytes = fileLimit(options.maxBytes);
  const reads = await readAll(files, maxBytes);
  const kustomize = kustomizeFiles(reads);
  skipPatches(reads, kustomize);
  const flux = applyFluxVariables(reads, kustomize, parseText);
  const notRead: NotRead[] = [];
  for (const read of reads) {
    if (read.error === undefined) continue;
    const entry = notReadFile(read.file.path, read.error, read.text, RESOURCE_TYPES, read.file.hint?.kind);
    if (entry.needed && !options.partial) throw read.error;
    notRead.push(entry);
  }
  const parsed = reads.flatMap((read) => (read.parsed ? [read.parsed] : []));
  const scan = scanUnresolved(
    parsed.flatMap((file) => file.items),
    flux.unresolvedByFile,
    RESOURCE_TYPES,
  );
  const deduped = dedupeItems(scan.items);
  return {
    items: sortItems(deduped.items),
    unreadable: [],
    skipped: [...skipped, ...parsed.flatMap((file) => file.skipped), ...deduped.skipped],
    notRead: [...notRead, ...scan.notRead],
    warnings: [...flux.warnings, ...scan.warnings],
  };
}

/**
 * Reads and parses files a few at a time. Every file is attempted and failures are kept in path
 * order, so the same broken input gives the same message on every run. Anything but bad input
 * (a bug) stops the run.
 */
async function readAll(files: readonly FileToRead[], maxBytes: number): Promise<FileRead[]> {
  const results: FileRead[] = [];
  let next = 0;
  const worker = async (): Promise<void> => {
    for (let i = next++; i < files.length; i = next++) {
      const file = files[i];
      if (file) results[i] = await readOne(file, maxBytes);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, files.length) }, worker));
  const bug = results.find((result) => result.error !== undefined && !(result.error instanceof InputError));
  if (bug) throw bug.error;
  return results;
}

async function readOne(file: FileToRead, maxBytes: number): Promise<FileRead> {
  let text: string;
  try {
    text = decodeText(await readFileBounded(file.path, maxBytes), file.path);
  } catch (error) {
    return { file, error };
  }
  try {
    const parsed = parseText(text, file);
    const keep = text.includes('${') || isKustomizeFile(file.path);
    return keep ? { file, parsed, text } : { file, parsed };
  } catch (error) {
    return { file, error, text };
  }
}

function parseText(text: string, file: FileRead['file']): ParsedFile {
  return parseDocuments(text, file.path, file.hint ? { hint: file.hint } : {});
}
