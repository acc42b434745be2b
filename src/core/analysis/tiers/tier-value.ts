/** A tier as people write it; the ground-floor definition is src/core/tier.ts. */
export { tierOf } from '../../tier.ts';
