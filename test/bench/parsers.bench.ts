import { FUZZ_TARGETS } from '../fuzz/fuzzTargets.js';
import { bestOfFiveMs as bestMs } from './measure.js';

/**
 * Worst-case parser timings: every adversarial input of the fuzz suite (the same list) at 4 KB and 16 KB (16 KB is the rule checker's limit), best of
 * five after a warm-up call. A linear reader costs about 4x at 4x the size, a quadratic one 16x: the ratio shows which (sub-0.05 ms figures are noise).
 */
export async function bench(): Promise<string[]> {
  const lines = ["Parsers, worst-case inputs (the fuzz suite's adversarial list), best of 5 after a warm-up; the fuzz test requires < 50 ms at 16 KB"];
  let worst = { ms: 0, what: '' };
  for (const target of FUZZ_TARGETS) {
    const small = target.adversarial(4 * 1024);
    const large = target.adversarial(16 * 1024);
    for (const [i, [label, input]] of small.entries()) {
      const ms4 = await bestMs(() => target.run(input));
      const ms16 = await bestMs(() => target.run(large[i]![1]));
      if (ms16 > worst.ms) worst = { ms: ms16, what: `${target.name}, ${label}` };
      lines.push(
        `  ${`${target.name}: ${label}`.slice(0, 78).padEnd(78)} 4 KB ${ms4.toFixed(2).padStart(6)} ms   16 KB ${ms16.toFixed(2).padStart(6)} ms   x${(ms16 / Math.max(ms4, 0.001)).toFixed(1)}`,
      );
    }
  }
  lines.push(`  worst at 16 KB: ${worst.ms.toFixed(2)} ms (${worst.what})`);
  return lines;
}
