/**
 * Runs `work` over `inputs` with at most `limit` in flight, keeping results in input order.
 * The first rejection stops workers from starting new inputs and is rethrown once the
 * in-flight ones have settled, so no request outlives the call.
 */
export async function mapBounded<T, R>(
  inputs: readonly T[],
  limit: number,
  work: (input: T) => Promise<R>,
): Promise<R[]> {
  const results = new Array<R>(inputs.length);
  let next = 0;
  let failure: { error: unknown } | undefined;
  const worker = async (): Promise<void> => {
    while (failure === undefined && next < inputs.length) {
      const index = next++;
      try {
        results[index] = await work(inputs[index] as T);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  const workers = Array.from({ length: Math.max(1, Math.min(limit, inputs.length)) }, worker);
  await Promise.all(workers);
  if (failure) throw failure.error;
  return results;
}
