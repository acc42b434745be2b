import { lstat, mkdir, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DRILLS_DIR, drillFile } from '../core/drills/file-name.ts';
import type { DrillRecord, RecordedDrill } from '../core/drills/model.ts';
import { parseDrill } from '../core/drills/parse.ts';
import { OutputError } from '../core/errors.ts';
import { fileSystem, readFileBounded } from './read-file-bounded.ts';

/** The most bytes one drill file may hold: a timeline of a few hundred steps is far below it. */
const MAX_DRILL_BYTES = 4 * 1024 * 1024;

/**
 * Every drill kept in `<content>/drills/*.json`, in file-name order; a missing folder holds
 * none. A file that is no valid drill stops the run naming the file and field (exit 2).
 */
export async function readDrills(contentDir: string): Promise<RecordedDrill[]> {
  const dir = join(contentDir, DRILLS_DIR);
  const names = await readdir(dir).catch((error: NodeJS.ErrnoException) => {
    if (error.code === 'ENOENT') return [] as string[];
    return fileSystem(dir, () => Promise.reject(error));
  });
  const drills: RecordedDrill[] = [];
  for (const name of names.filter((n) => n.endsWith('.json')).sort()) {
    const path = join(dir, name);
    if (!(await lstat(path)).isFile()) continue;
    drills.push({
      file: name,
      drill: parseDrill(path, (await readFileBounded(path, MAX_DRILL_BYTES)).toString('utf8')),
    });
  }
  return drills;
}

/** Reads an exported drill timeline (a file given on the command line). */
export async function readDrillFile(path: string): Promise<DrillRecord> {
  return parseDrill(path, (await readFileBounded(path, MAX_DRILL_BYTES)).toString('utf8'));
}

/**
 * Keeps a drill in `<content>/drills/`, as the record was given (re-serialised, stable): never
 * overwrites one recorded before (the same runbook, target and day twice is refused: rename
 * the export's incident, or remove the old record by hand).
 */
export async function keepDrill(contentDir: string, drill: DrillRecord): Promise<string> {
  const file = drillFile(drill);
  await mkdir(join(contentDir, DRILLS_DIR), { recursive: true });
  const path = join(contentDir, file);
  try {
    await writeFile(path, `${JSON.stringify(drill, null, 2)}\n`, { encoding: 'utf8', flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST')
      throw new OutputError(
        `${path} already holds a drill of ${drill.runbook} on ${drill.target} that day; it is never overwritten`,
      );
    throw new OutputError(`cannot write ${path}: ${(error as Error).message}`);
  }
  return path;
}
