/** A rule problem with the error code CreateTopicRule/ReplaceTopicRule document for it. */
export interface RuleSqlError {
  readonly code: string;
  readonly message: string;
}

export type RuleResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: RuleSqlError };

export const ruleError = (code: string, message: string): { ok: false; error: RuleSqlError } => ({ ok: false, error: { code, message } });

/** The codes from the rule-engine error tables this module produces. */
export const RULE_ERROR_CODES = {
  invalidValue: 'InvalidParameterValue',
  invalidSql: 'InvalidParameterValue.InvalidSQL',
  sqlNotEdited: 'InvalidParameterValue.TopicRuleSqlNotEdited',
  republishTopic: 'InvalidParameterValue.RepublishTopicFormatError',
  forwardUrl: 'InvalidParameterValue.CheckForwardURLFail',
} as const;
