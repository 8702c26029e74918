import type { LocalizedText } from '../signing/SigningStep.js';
import type { DiagnosisCauseId } from './DiagnosisCause.js';
import causeRulesData from './data/causeRules.json';

export interface CauseRule {
  readonly title: LocalizedText;
  /** The doc's rule: zh quoted from shared/seeds/001 (签名方法 v3 / 签名方法, 公共参数, 错误码), en a faithful rendering. */
  readonly rule: LocalizedText;
  readonly fix: LocalizedText;
  /** Where the mistake was seen in the wild, for causes learned from public trackers. */
  readonly source?: string;
}

/**
 * Title, doc rule and fix of every cause. The per-request detail comes from the check or candidate that found it.
 * The texts are data (data/causeRules.json), like the catalog and the error hints: the VS Code host reads them from
 * a file beside its bundle instead of carrying 23 KB of prose in its code. causeRules.test.ts checks there is
 * exactly one complete rule per DIAGNOSIS_CAUSES id.
 */
export const CAUSE_RULES: Readonly<Record<DiagnosisCauseId, CauseRule>> = causeRulesData.causes as Record<DiagnosisCauseId, CauseRule>;
