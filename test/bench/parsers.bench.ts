import { FUZZ_TARGETS } from '../fuzz/fuzzTargets.js';

/**
 * Worst-case parser timings: every adversarial input of the fuzz suite (the same list) at 16 KB and 64 KB, best of
 * five after a warm-up call. A linear reader costs about 4x at 4x the size; a quadratic one 16x — the ratio shows it.
 */
async function bestMs(run: () => unknown): Promise<number> {
  await run();
  let best = Number.POSITIVE_INFINITY;
  for (let i = 0; i < 5; i++) {
    const start = performance.now();
    await run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function bench(): Promise<string[]> {
  const lines = ['Parsers, worst-case inputs (the fuzz suite\'s adversarial list), best of 5 after a warm-up; the fuzz test requires < 50 ms at 16 KB'];
  let worst = { ms: 0, what: '' };
  for (const target of FUZZ_TARGETS) {
    const small = target.adversarial(16 * 1024);
    const large = target.adversarial(64 * 1024);
    for (const [i, [label, input]] of small.entries()) {
      const ms16 = await bestMs(() => target.run(input));
      const ms64 = await bestMs(() => target.run(large[i]![1]));
      if (ms16 > worst.ms) worst = { ms: ms16, what: `${target.name}, ${label}` };
      lines.push(`  ${`${target.name}: ${label}`.slice(0, 78).padEnd(78)} 16 KB ${ms16.toFixed(2).padStart(6)} ms   64 KB ${ms64.toFixed(2).padStart(7)} ms   x${(ms64 / Math.max(ms16, 0.001)).toFixed(1)}`);
    }
  }
  lines.push(`  worst at 16 KB: ${worst.ms.toFixed(2)} ms (${worst.what})`);
  return lines;
}
