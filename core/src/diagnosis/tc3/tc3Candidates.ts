import { bodyBom, bodyJsonReserialized, bodySignedEmpty, bodyTrailingNewline } from './bodyMistakes.js';
import { localDateNotUtc } from './dateMistakes.js';
import { headerCandidates } from './headerMistakes.js';
import { headerValueUntrimmed } from './headerWhitespace.js';
import { bodyJsonSentAsForm } from './jsonSentAsForm.js';
import { hostMismatch, wrongService } from './hostMistakes.js';
import { secretIdKeySwapped, secretKeyWhitespace } from './keyMistakes.js';
import type { Tc3Candidate } from './Tc3Candidate.js';

/**
 * Every known TC3 mistake, tried in this order (cheapest and most common first; the first that reproduces the
 * signature is the cause). Adding a mistake is adding an entry here and its id in DIAGNOSIS_CAUSES. The signed
 * timestamp is not a candidate: it is searched exactly, after these (findSignedTimestamp).
 */
export const TC3_CANDIDATES: readonly Tc3Candidate[] = [
  localDateNotUtc,
  wrongService,
  bodyJsonSentAsForm,
  ...headerCandidates,
  headerValueUntrimmed,
  hostMismatch,
  bodyTrailingNewline,
  bodyBom,
  bodySignedEmpty,
  bodyJsonReserialized,
  secretKeyWhitespace,
  secretIdKeySwapped,
];
