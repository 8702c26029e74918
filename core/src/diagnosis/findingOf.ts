import type { LocalizedText } from '../signing/SigningStep.js';
import { CAUSE_RULES } from './causeRules.js';
import type { DiagnosisCauseId, DiagnosisEvidence, DiagnosisFinding } from './DiagnosisCause.js';

/** A finding: what happened to this request, followed by the doc's rule in quotes, and the fix. */
export function findingOf(cause: DiagnosisCauseId, evidence: DiagnosisEvidence, detail: LocalizedText): DiagnosisFinding {
  const { rule, fix } = CAUSE_RULES[cause];
  return {
    cause,
    evidence,
    detail,
    explanation: { en: `${detail.en} The doc: "${rule.en}"`, zh: `${detail.zh} 文档原文：“${rule.zh}”` },
    fix,
  };
}

/** Shortens a value for an explanation, keeping it on one line. */
export const shown = (text: string, max = 80): string => JSON.stringify(text.length > max ? text.slice(0, max) + '…' : text);
