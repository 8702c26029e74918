import { readFile } from 'node:fs/promises';
import { runCli } from './runCli.js';

// The Node host: wires process I/O into the platform-free command runner.
const code = await runCli({
  args: process.argv.slice(2),
  env: process.env,
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
  readFile: (path) => readFile(path, 'utf8'),
  out: (text) => process.stdout.write(text.endsWith('\n') ? text : text + '\n'),
  err: (text) => process.stderr.write(text.endsWith('\n') ? text : text + '\n'),
  now: () => Math.floor(Date.now() / 1000),
  stdoutIsTTY: process.stdout.isTTY === true,
  stderrIsTTY: process.stderr.isTTY === true,
  // A carriage return and erase-line rewrite the same line; an empty line clears it.
  progress: (line) => {
    if (process.stderr.isTTY) process.stderr.write(`\r\u001b[2K${line}`);
  },
});
process.exitCode = code;
