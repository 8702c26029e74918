/** zh-CN and English text side by side: the docs are Chinese, many readers are not. */
export interface LocalizedText {
  readonly en: string;
  readonly zh: string;
}

/**
 * One intermediate value of a signing scheme, with the rule that produced it, so a UI can print
 * the value next to the documentation's wording and a diagnosis can point at the first step that differs.
 */
export interface SigningStep<Id extends string = string> {
  readonly id: Id;
  readonly title: LocalizedText;
  readonly rule: LocalizedText;
  readonly value: string;
  /** True for values derived from a secret (derived keys); hosts may choose to fold them. Never the secret itself. */
  readonly derivedFromSecret?: boolean;
}
