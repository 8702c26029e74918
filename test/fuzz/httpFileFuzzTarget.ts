import fc from 'fast-check';
import { parseHttpFile, runHttpFile, type HttpFile, type HttpFileProblem } from '@iot-devkit/core';
import { nodeHashProvider } from '../../cli/src/nodeHashProvider.js';

// The `.http` reader as a fuzz target, in a file of its own (fuzzTargets.ts is shared): mutations of real
// collections and noise over the syntax's characters must end in a file (problems or none) with every position
// inside the text, and the dry run over it in events, never an exception; the worst cases for a scanner of
// `{{`, `}}`, `###` and headers finish in linear time. The fuzz test and the benchmark read the same list.

export const HTTP_FILE_SAMPLES = [
  `@endpoint = http://127.0.0.1:9180
### read
# @name shadow
POST {{endpoint}}/ HTTP/1.1
Authorization: TC3 {{$processEnv ID}} {{$processEnv KEY}} region:ap-guangzhou
X-TC-Action: DescribeDeviceShadow

{"ProductId": "DEMO000001", "DeviceName": "thermostat-1"}

###
// @name update
POST {{endpoint}}/
Authorization: TC3 service:iotcloud
X-TC-Action: UpdateDeviceShadow

{"ShadowVersion": {{shadow.response.body.$.Response.Data.payload.version}}, "T": {{$timestamp}}, "G": "{{$guid}}"}
`,
  `GET https://example.com/items
    ?page={{$randomInt 1 9}}
    &size=10
Accept: */*
X-Id: {{shadow.response.headers.X-Request-Id}}

### a bare block
# only a comment
@a = {{b}}
@b = {{a}}
GET http://x.test/{{a}}`,
];

const NASTY = [
  '{{',
  '}}',
  '{{{',
  '###',
  '# @name ',
  '@',
  ' = ',
  ':',
  '\n',
  '\r\n',
  '$.',
  '[0]',
  '.response.body.',
  '$processEnv ',
  'TC3 ',
  'profile:',
  '\uD800',
  '"',
];
const ALPHABET = 'aA0 -_:;,.=&?/#@%+*\'"\\$`!^(){}[]<>|~\t\r\n';
const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
);

/** A sample with 1–6 edits: delete a slice, insert noise or a nasty token (sometimes repeated), cut the rest. */
const mutated = fc
  .tuple(
    fc.constantFrom(...HTTP_FILE_SAMPLES),
    fc.array(
      fc.tuple(
        fc.nat({ max: 3 }),
        fc.nat(),
        fc.nat(),
        fc.oneof(
          fc.constantFrom(...NASTY),
          fc.array(unit, { maxLength: 8 }).map((c) => c.join('')),
        ),
      ),
      {
        minLength: 1,
        maxLength: 6,
      },
    ),
  )
  .map(([sample, edits]) => {
    let text = sample;
    for (const [kind, a, b, insert] of edits) {
      const at = a % (text.length + 1);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + (b % 12));
      else if (kind === 1) text = text.slice(0, at) + insert + text.slice(at);
      else if (kind === 2) text = text.slice(0, at) + insert.repeat(1 + (b % 20)) + text.slice(at);
      else text = text.slice(0, at);
    }
    return text;
  });

export const httpFileInputs: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: mutated },
  { weight: 1, arbitrary: fc.array(unit, { maxLength: 300 }).map((c) => c.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...HTTP_FILE_SAMPLES) },
);

export class BrokenContract extends Error {
  override readonly name = 'BrokenContract';
}
const expect = (condition: unknown, what: string) => {
  if (!condition) throw new BrokenContract(what);
};

function checkFile(text: string, file: HttpFile): void {
  const lines = text.split('\n').length;
  const inside = (p: { line: number; column: number }) => Number.isInteger(p.line) && p.line >= 1 && p.line <= lines && p.column >= 1;
  for (const problem of file.problems as HttpFileProblem[])
    expect(
      inside(problem) && typeof problem.message === 'string' && problem.message.length > 0,
      `a problem inside the text with a message: ${JSON.stringify(problem)}`,
    );
  for (const request of file.requests) {
    expect(inside(request.position) && inside(request.url.position), `request positions: ${JSON.stringify(request.position)}`);
    for (const header of request.headers) expect(inside(header.position), 'header position');
    if (request.body) expect(inside(request.body.position), 'body position');
  }
}

/** Parses, checks the shape, and (for well-formed files) dry-runs every request: 'ok' or 'refused', never a throw. */
export async function runHttpFileTarget(input: string): Promise<'ok' | 'refused'> {
  const file = parseHttpFile(input);
  checkFile(input, file);
  const run = runHttpFile(file, {
    processEnv: { ID: 'AKIDfuzzOnly', KEY: 'fuzzOnlyMadeUpSecretKey000000000' },
    resolveCredentials: (profile) => (profile === undefined ? { secretId: 'AKIDfuzzOnly', secretKey: 'fuzzOnlyMadeUpSecretKey000000000' } : 'no profiles here'),
    transport: () => Promise.reject(new Error('a dry run sends nothing')),
    now: () => 1_700_000_000,
    clock: () => 0,
    random: () => 0.5,
    crypto: nodeHashProvider,
    dryRun: true,
  });
  let refused = file.problems.length > 0;
  for await (const event of run.events) if (event.kind === 'problems' || event.kind === 'problem') refused = true;
  return refused ? 'refused' : 'ok';
}

const fit = (prefix: string, piece: string, suffix: string, size: number) =>
  prefix + piece.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / piece.length))) + suffix;

/** What a quadratic scan of the syntax would choke on, about `size` characters each. */
export const httpFileAdversarial = (n: number): [string, string][] => [
  ['"{{" runs with one "}}" at the end', fit('GET http://x.test/\n\n', '{{', '}}', n)],
  ['"{{" without "}}"', fit('GET http://x.test/\n\n', '{{a', '', n)],
  ['"{" runs before "{{x}}"', fit('@x = 1\nGET http://x.test/\n\n', '{', '{{x}}', n)],
  ['many placeholders on one line', fit('@x = 1\nGET http://x.test/\n\n', '{{x}}', '', n)],
  ['placeholders across many lines', fit('@x = 1\nGET http://x.test/\n\n', '{{x}}\n', '', n)],
  ['many ### blocks', fit('', '###\nGET http://x.test/\n', '', n)],
  ['many headers', fit('GET http://x.test/\n', 'A: b\n', '', n)],
  ['a long request line of spaces', `GET http://x.test/${' '.repeat(n)}x`],
  ['a long JSON path', fit('# @name a\nGET http://x.test/\n###\nGET http://y.test/\n\n{{a.response.body.$', '.k', '}}', n)],
  ['chained file variables', Array.from({ length: Math.floor(n / 16) }, (_, i) => `@v${i} = {{v${i + 1}}}`).join('\n') + '\nGET http://x.test/{{v0}}'],
  ['query continuation lines', fit('GET http://x.test/\n', '  &a=1\n', '', n)],
];
