import { parseHttpFile } from '@iot-devkit/core';
import { httpFileAdversarial, runHttpFileTarget } from '../fuzz/httpFileFuzzTarget.js';
import { bestOfFiveMs as bestMs } from './measure.js';

/**
 * The .http reader: parse + dry run (resolve and sign every request) of the fuzz suite's worst cases at 4 KB and
 * 64 KB, best of five after a warm-up. Linear costs about 16x at 16x the size, quadratic 256x. Then a collection of
 * 1,000 ordinary requests, parsed alone.
 */
export async function bench(): Promise<string[]> {
  const lines = [".http files: parse + dry run of the fuzz suite's worst cases, best of 5 (the fuzz test requires < 50 ms at 16 KB)"];
  const small = httpFileAdversarial(4 * 1024);
  const large = httpFileAdversarial(64 * 1024);
  for (const [i, [label, input]] of small.entries()) {
    const ms4 = await bestMs(() => runHttpFileTarget(input));
    const ms64 = await bestMs(() => runHttpFileTarget(large[i]![1]));
    lines.push(
      `  ${label.padEnd(40)} 4 KB ${ms4.toFixed(2).padStart(7)} ms   64 KB ${ms64.toFixed(2).padStart(7)} ms   x${(ms64 / Math.max(ms4, 0.001)).toFixed(1)}`,
    );
  }
  const block = (i: number) =>
    `### ${i}\n# @name r${i}\nPOST {{endpoint}}/\nAuthorization: TC3 region:ap-guangzhou\nX-TC-Action: DescribeDeviceShadow\n\n{"ProductId": "{{productId}}", "DeviceName": "d${i}", "V": {{r${Math.max(0, i - 1)}.response.body.$.Response.Data.payload.version}}}\n`;
  const collection = '@endpoint = http://127.0.0.1:9180\n@productId = DEMO000001\n' + Array.from({ length: 1000 }, (_, i) => block(i)).join('\n');
  const parse = await bestMs(() => parseHttpFile(collection));
  lines.push(`  1,000-request collection (${(collection.length / 1024).toFixed(0)} KB): parsed in ${parse.toFixed(2)} ms`);
  return lines;
}
