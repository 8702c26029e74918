// What every fuzz target shares: the target's contract, made-up keys, and the generators of mutated and adversarial text.
import fc from 'fast-check';
import { SigningInputError } from '@iot-devkit/core';

/**
 * Every parser and entry point that reads text from outside, as fuzz targets: what inputs to generate (mutations
 * of real samples, random text with lone surrogates, random JSON), what "documented outcome" means for it (a result
 * of its documented shape, or the documented error type), and its worst cases at a given size — built per target
 * to hit what a backtracking regex or an unbounded recursion would choke on. The fuzz test and the benchmark both
 * read this list, so the inputs timed are the inputs tested.
 */
export interface FuzzTarget {
  readonly name: string;
  readonly inputs: fc.Arbitrary<unknown>;
  /** Runs the target; resolves to "ok" or "refused" for a documented outcome, throws (AssertionError or the target's own) otherwise. */
  readonly run: (input: unknown) => Outcome | Promise<Outcome>;
  /** Worst-case inputs of about `size` characters, labelled. */
  readonly adversarial: (size: number) => readonly (readonly [string, unknown])[];
}

export type Outcome = 'ok' | 'refused';

/** An outcome outside the target's contract: the fuzz test counts it as a crash. */
export class UndocumentedOutcome extends Error {
  override readonly name = 'UndocumentedOutcome';
}

export const expect = (condition: unknown, what: string): void => {
  if (!condition) throw new UndocumentedOutcome(what);
};

export const KEY = 'fuzzOnlyMadeUpSecretKey000000000';
export const PSK = 'VOQmAku7T1haYaiV7LJfmg==';
export const NOW = 1_700_000_000;
const ALPHABET = 'aA0 -_:;,.=&?/#@%+*\'"\\$`!^(){}[]<>|~\t\r\n';

/** One UTF-16 code unit of any value (lone surrogates included), or a character from the syntax that matters. */
export const unit = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...ALPHABET) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)) },
  { weight: 1, arbitrary: fc.constantFrom('未', '😀', '\uD800', '\uDC00', '\uFEFF', '\u00A0', '\u3000') },
);
export const noise = fc.array(unit, { maxLength: 12 }).map((chars) => chars.join(''));

/** A sample with 1–5 edits: delete, insert (noise or a nasty token), duplicate a slice, cut, swap two characters. */
export function mutated(samples: readonly string[], nasty: readonly string[]): fc.Arbitrary<string> {
  const edit = fc.tuple(fc.nat({ max: 5 }), fc.nat(), fc.nat(), fc.oneof(noise, fc.constantFrom(...nasty)));
  return fc.tuple(fc.constantFrom(...samples), fc.array(edit, { minLength: 1, maxLength: 5 })).map(([sample, edits]) => {
    let text = sample;
    for (const [kind, a, b, insert] of edits) {
      const at = text.length === 0 ? 0 : a % (text.length + 1);
      if (kind === 0) text = text.slice(0, at) + text.slice(at + 1 + (b % 8));
      else if (kind === 1) text = text.slice(0, at) + insert + text.slice(at);
      else if (kind === 2) text = text.slice(0, at) + text.slice(at, at + (b % 40)) + text.slice(at);
      else if (kind === 3) text = text.slice(0, at);
      else if (kind === 4 && at + 1 < text.length) text = text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2);
      else text = text.slice(0, at) + insert.repeat(1 + (b % 30)) + text.slice(at);
    }
    return text;
  });
}

/** Text samples, mutated most of the time, sometimes pure noise. */
export const textInputs = (samples: readonly string[], nasty: readonly string[]) =>
  fc.oneof(
    { weight: 8, arbitrary: mutated(samples, nasty) },
    { weight: 1, arbitrary: fc.array(unit, { maxLength: 200 }).map((c) => c.join('')) },
    { weight: 1, arbitrary: fc.constantFrom(...samples) },
  );

/** Runs of one piece, nested openers and repeated tokens: what makes a backtracking regex or a recursion blow up. */
export const repeat = (piece: string, size: number) => piece.repeat(Math.max(1, Math.floor(size / piece.length)));
/** prefix + piece repeated + suffix, `size` characters at most. */
export const fit = (prefix: string, piece: string, suffix: string, size: number) =>
  prefix + piece.repeat(Math.max(1, Math.floor((size - prefix.length - suffix.length) / piece.length))) + suffix;

/** A URL whose host is `size` letters long. */
export const hostHeavy = (size: number) => 'https://' + 'a'.repeat(size);

/** A SigningInputError naming a field is the documented refusal of the signers, diagnosis and credential readers. */
export function refusedBySigningInput(error: unknown): Outcome {
  if (error instanceof SigningInputError && error.field !== '' && error.message.startsWith(`${error.field}: `)) return 'refused';
  throw error;
}

/** Findings of the credential readers: each names its field and has both languages. */
export function checkFindings(findings: readonly { field: string; message: { en: string; zh: string } }[]): void {
  expect(Array.isArray(findings), 'findings');
  for (const f of findings)
    expect(
      typeof f.field === 'string' && f.message.en.length > 0 && f.message.zh.length > 0,
      `a finding with a field and both messages, got ${JSON.stringify(f)}`,
    );
}
