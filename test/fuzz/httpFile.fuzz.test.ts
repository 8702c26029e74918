import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { httpFileAdversarial, httpFileInputs, runHttpFileTarget } from './httpFileFuzzTarget.js';

// The parsers.fuzz.test.ts contract for the .http reader (its target is in httpFileFuzzTarget.ts): generated
// input ends in a documented outcome, and 16 KB worst cases take under 50 ms of CPU. Fixed seed; IOT_DEVKIT_FUZZ_RUNS
// sets the runs.
const RUNS = Number(process.env['IOT_DEVKIT_FUZZ_RUNS'] ?? 400);
const SEED = Number(process.env['IOT_DEVKIT_FUZZ_SEED'] ?? 20261201);
const ADVERSARIAL_LIMIT_MS = 50;

test(`.http files: ${RUNS} generated inputs parse and dry-run to a documented outcome`, async () => {
  const outcomes = { ok: 0, refused: 0 };
  await fc.assert(
    fc.asyncProperty(httpFileInputs, async (input) => {
      outcomes[await runHttpFileTarget(input)]++;
    }),
    { seed: SEED, numRuns: RUNS },
  );
  // Both outcomes must occur, or the generator is not reaching the reader's branches.
  assert.ok(outcomes.ok > 0 && outcomes.refused > 0, JSON.stringify(outcomes));
});

test(`.http files: every 16 KB adversarial input finishes in under ${ADVERSARIAL_LIMIT_MS} ms of CPU`, async () => {
  for (const [label, input] of httpFileAdversarial(16 * 1024)) {
    await runHttpFileTarget(input);
    let best = Number.POSITIVE_INFINITY;
    for (let attempt = 0; attempt < 3; attempt++) {
      const start = process.cpuUsage();
      await runHttpFileTarget(input);
      const used = process.cpuUsage(start);
      best = Math.min(best, (used.user + used.system) / 1000);
    }
    assert.ok(best < ADVERSARIAL_LIMIT_MS, `${label}: ${best.toFixed(1)} ms`);
  }
});
