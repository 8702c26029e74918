/**
 * Median time per call in microseconds of each variant over `rounds` rounds of `iterations` calls, after a warm-up
 * round. The variants' rounds are interleaved (A B C, A B C, …), so a ratio between them is not skewed by when each
 * ran: warm-up order, JIT tiers, other load on the machine.
 */
export function measureMicrosInterleaved<K extends string>(fns: Record<K, () => unknown>, iterations: number, rounds = 7): Record<K, number> {
  const names = Object.keys(fns) as K[];
  for (const name of names) for (let i = 0; i < iterations; i++) fns[name]();
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<K, number[]>;
  for (let r = 0; r < rounds; r++) {
    for (const name of names) {
      const fn = fns[name];
      const start = process.hrtime.bigint();
      for (let i = 0; i < iterations; i++) fn();
      samples[name].push(Number(process.hrtime.bigint() - start) / 1000 / iterations);
    }
  }
  const median = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return Object.fromEntries(names.map((name) => [name, median(samples[name])])) as Record<K, number>;
}

/** One function's median time per call in microseconds (see measureMicrosInterleaved). */
export const measureMicros = (fn: () => unknown, iterations: number, rounds = 7): number => measureMicrosInterleaved({ fn }, iterations, rounds).fn;

export const fmt = (micros: number) => (micros >= 1000 ? `${(micros / 1000).toFixed(2)} ms` : `${micros.toFixed(1)} µs`);

/** The best of five runs in milliseconds after a warm-up run: for worst-case inputs, where the floor is the figure. */
export async function bestOfFiveMs(run: () => unknown): Promise<number> {
  await run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}
