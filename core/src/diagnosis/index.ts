// Signature diagnosis: which step of a failing request went wrong and which mistake reproduces it. Part of @iot-
// devkit/core's public surface (core/src/index.ts).
export {
  DIAGNOSIS_CAUSES,
  type Diagnosis,
  type DiagnosisCauseId,
  type DiagnosisEvidence,
  type DiagnosisFinding,
  type DiagnosisScheme,
  type StepDifference,
} from './DiagnosisCause.js';
export type { DiagnosisInput, DiagnosisOptions } from './DiagnosisInput.js';
export { UNREPRODUCED_CANDIDATES, type DiagnosisVerdict, type UnreproducedCandidateId, type VerdictCandidate, type VerdictKind } from './DiagnosisVerdict.js';
export { CAUSE_RULES, type CauseRule } from './causeRules.js';
export { diagnose, signatureSchemeOf } from './diagnose.js';
export { diagnoseTc3 } from './diagnoseTc3.js';
export { diagnoseV1 } from './diagnoseV1.js';
export { diffText, makeVisible, type TextDifference } from './diffText.js';
