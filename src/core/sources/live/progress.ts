import type { ResourceType } from '../resource-type.ts';

/** Where one wanted kind stands during a live read. */
export type KindState = 'waiting' | 'listing' | 'done';

/** A snapshot of a live read, for progress lines and for the deadline's message. */
export interface LiveProgress {
  /** `discovery` until the served kinds are known, then `lists`. */
  phase: 'discovery' | 'lists';
  /** Kinds whose list ended (read, or reported unreadable). */
  done: number;
  /** Kinds to list: the wanted ones until discovery ends, then the served ones. */
  total: number;
  /** Objects read so far. */
  objects: number;
  /** kubectl-style names (`pods`, `deployments.apps`) of the kinds being listed now. */
  listing: string[];
  /** Kinds not started yet (during discovery: every wanted kind). */
  waiting: string[];
}

/** `pods`, `deployments.apps`: the name kubectl and RBAC rules use. */
export function kindName(type: Pick<ResourceType, 'group' | 'plural'>): string {
  return type.group === '' ? type.plural : `${type.plural}.${type.group}`;
}

/** Tracks a live read's kinds; every change is reported to `onChange`. */
export class ProgressTracker {
  readonly #states = new Map<string, KindState>();
  #phase: LiveProgress['phase'] = 'discovery';
  #objects = 0;
  readonly #onChange: ((progress: LiveProgress) => void) | undefined;

  constructor(wanted: readonly ResourceType[], onChange?: (progress: LiveProgress) => void) {
    for (const type of wanted) this.#states.set(kindName(type), 'waiting');
    this.#onChange = onChange;
    this.#report();
  }

  /** Discovery ended: from now on only the served kinds count. */
  served(kinds: readonly Pick<ResourceType, 'group' | 'plural'>[]): void {
    this.#states.clear();
    for (const kind of kinds) this.#states.set(kindName(kind), 'waiting');
    this.#phase = 'lists';
    this.#report();
  }

  started(kind: Pick<ResourceType, 'group' | 'plural'>): void {
    this.#states.set(kindName(kind), 'listing');
    this.#report();
  }

  finished(kind: Pick<ResourceType, 'group' | 'plural'>, objects: number): void {
    this.#states.set(kindName(kind), 'done');
    this.#objects += objects;
    this.#report();
  }

  snapshot(): LiveProgress {
    const named = (state: KindState) =>
      [...this.#states].filter(([, s]) => s === state).map(([name]) => name);
    return {
      phase: this.#phase,
      done: named('done').length,
      total: this.#states.size,
      objects: this.#objects,
      listing: named('listing'),
      waiting: named('waiting'),
    };
  }

  #report(): void {
    this.#onChange?.(this.snapshot());
  }
}

/** `still pending: pods, services (being listed); jobs.batch (not started)`. */
export function describePending(progress: LiveProgress): string {
  if (progress.phase === 'discovery') {
    return `discovery of the API (which kinds the server serves) had not finished; no kind was listed`;
  }
  const parts: string[] = [];
  if (progress.listing.length > 0) parts.push(`${progress.listing.join(', ')} (being listed)`);
  if (progress.waiting.length > 0) parts.push(`${progress.waiting.join(', ')} (not started)`);
  const read = `${progress.done} of ${progress.total} kinds were read`;
  return parts.length > 0 ? `${read}; still pending: ${parts.join('; ')}` : read;
}
