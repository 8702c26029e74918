/** Bad input to a signer: names the field and says what was expected, so every host can show it as is. */
export class SigningInputError extends Error {
  constructor(
    readonly field: string,
    readonly expected: string,
  ) {
    super(`${field}: ${expected}`);
    this.name = 'SigningInputError';
  }
}
