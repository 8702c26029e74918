import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import fc from 'fast-check';
import { FUZZ_TARGETS, UndocumentedOutcome, type Outcome } from './fuzzTargets.js';

// Property tests over every parser and entry point that reads outside text (the list is in fuzzTargets.ts):
// each input must end in the target's documented outcome — a result of its shape, or its documented error type —
// and finish. Fixed seeds, so a failure is replayed by its seed and path; IOT_DEVKIT_FUZZ_RUNS sets the runs per
// target (default keeps the whole file to a few seconds on CI's 2 cores; 10000 for a deep run).
const RUNS = Number(process.env['IOT_DEVKIT_FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['IOT_DEVKIT_FUZZ_SEED'] ?? 20190225);
/** One input taking longer than this counts as a hang (the property then fails). */
const HANG_MS = 2000;
/** The issue's timing property: each 16 KB adversarial input finishes in under 50 ms. */
const ADVERSARIAL_SIZE = 16 * 1024;
const ADVERSARIAL_LIMIT_MS = 50;

interface Counts {
  inputs: number;
  ok: number;
  refused: number;
  crashes: number;
  hangs: number;
  worstMs: number;
  worstAdversarial?: { label: string; ms: number };
}
const counts = new Map<string, Counts>();

after(() => {
  const rows = [...counts.entries()].map(
    ([name, c]) =>
      `  ${name.padEnd(19)} ${String(c.inputs).padStart(6)} inputs  ${String(c.ok).padStart(6)} ok  ${String(c.refused).padStart(6)} refused  crashes ${c.crashes}  hangs ${c.hangs}  slowest input ${c.worstMs.toFixed(1)} ms  worst 16 KB adversarial ${c.worstAdversarial ? `${c.worstAdversarial.ms.toFixed(2)} ms CPU (${c.worstAdversarial.label})` : '-'}`,
  );
  const worst = [...counts.values()].flatMap((c) => (c.worstAdversarial ? [c.worstAdversarial.ms] : [])).reduce((a, b) => Math.max(a, b), 0);
  console.log(
    `fuzz: ${RUNS} runs per target, seed ${SEED}\n${rows.join('\n')}\n  worst adversarial timing over all targets: ${worst.toFixed(2)} ms of CPU (limit ${ADVERSARIAL_LIMIT_MS} ms)`,
  );
});

FUZZ_TARGETS.forEach((target, index) => {
  const c: Counts = { inputs: 0, ok: 0, refused: 0, crashes: 0, hangs: 0, worstMs: 0 };
  counts.set(target.name, c);

  test(`${target.name}: ${RUNS} generated inputs end in the documented outcome and finish`, async () => {
    // After the first failure fast-check re-runs smaller inputs to shrink it; those are not new inputs to count.
    let shrinking = false;
    const property = fc.asyncProperty(target.inputs, async (input) => {
      const start = performance.now();
      let outcome: Outcome;
      try {
        outcome = await target.run(input);
      } catch (error) {
        if (!shrinking) c.crashes++;
        shrinking = true;
        throw error instanceof UndocumentedOutcome
          ? error
          : new Error(`threw past the documented error type: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`);
      }
      const ms = performance.now() - start;
      if (shrinking) return;
      c.inputs++;
      c[outcome]++;
      c.worstMs = Math.max(c.worstMs, ms);
      if (ms > HANG_MS) {
        c.hangs++;
        shrinking = true;
        throw new Error(`took ${ms.toFixed(0)} ms (a hang: more than ${HANG_MS} ms)`);
      }
    });
    await fc.assert(property, { seed: SEED + index, numRuns: RUNS, endOnFailure: false });
    assert.equal(c.crashes, 0);
    assert.equal(c.hangs, 0);
    // Both outcomes must occur, or the generator is not reaching the target's branches.
    assert.ok(c.ok > 0 && c.refused > 0, `${target.name}: ${JSON.stringify(c)}`);
  });

  test(`${target.name}: every 16 KB adversarial input finishes in under ${ADVERSARIAL_LIMIT_MS} ms`, async () => {
    for (const [label, input] of target.adversarial(ADVERSARIAL_SIZE)) {
      // This process's CPU time, best of three after a warm-up call: CI's 2 cores are shared, and time spent waiting
      // for a core is not the parser's. A super-linear pattern on 16 KB costs seconds of CPU every time.
      await target.run(input);
      let best = Number.POSITIVE_INFINITY;
      for (let attempt = 0; attempt < 3; attempt++) {
        const start = process.cpuUsage();
        await target.run(input);
        const used = process.cpuUsage(start);
        best = Math.min(best, (used.user + used.system) / 1000);
      }
      if (!c.worstAdversarial || best > c.worstAdversarial.ms) c.worstAdversarial = { label, ms: best };
      assert.ok(best < ADVERSARIAL_LIMIT_MS, `${target.name}, ${label}: ${best.toFixed(1)} ms`);
    }
  });
});
