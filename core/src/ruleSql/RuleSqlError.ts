/** A rule problem with the error code CreateTopicRule/ReplaceTopicRule document for it. */
export interface RuleSqlError {
  readonly code: string;
  readonly message: string;
  /** Where in the SQL the problem is (UTF-16 offsets, end exclusive), for an editor's squiggle; absent when it is the whole input. */
  readonly at?: { readonly start: number; readonly end: number };
}

export type RuleResult<T> = ({ readonly ok: true } & T) | { readonly ok: false; readonly error: RuleSqlError };

export const ruleError = (code: string, message: string, at?: { start: number; end: number }): { ok: false; error: RuleSqlError } => ({
  ok: false,
  error: at ? { code, message, at } : { code, message },
});

/** The codes from the rule-engine error tables this module produces. */
export const RULE_ERROR_CODES = {
  invalidValue: 'InvalidParameterValue',
  invalidSql: 'InvalidParameterValue.InvalidSQL',
  sqlNotEdited: 'InvalidParameterValue.TopicRuleSqlNotEdited',
  republishTopic: 'InvalidParameterValue.RepublishTopicFormatError',
  forwardUrl: 'InvalidParameterValue.CheckForwardURLFail',
} as const;
