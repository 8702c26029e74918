// `npm run bench`: runs every *.bench.ts here in one process and prints their figures. Not a test: nothing fails on speed.
import { readdirSync } from 'node:fs';

const only = process.argv.slice(2);
const files = readdirSync(new URL('.', import.meta.url))
  .filter((f) => f.endsWith('.bench.ts') && (only.length === 0 || only.some((o) => f.includes(o))))
  .sort();
console.log(`IoT Devkit benchmarks — node ${process.version}, ${new Date().toISOString()}\n`);
for (const file of files) {
  const module = (await import(new URL(file, import.meta.url).href)) as { bench: () => Promise<string[]> };
  try {
    for (const line of await module.bench()) console.log(line);
  } catch (error) {
    console.log(`  ${file}: failed to run: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
  console.log('');
}
