import { describeLoneSurrogate, findLoneSurrogate } from '../encoding/findLoneSurrogate.js';
import { SigningInputError } from './SigningInputError.js';

/**
 * Refuses text that cannot be encoded as UTF-8 (a lone surrogate, e.g. "\uD800" pasted or escaped), naming the
 * field: signed text is hashed as UTF-8, and a replaced character would sign bytes the user never wrote.
 */
export function requireWellFormedText(text: string, field: string): string {
  const at = findLoneSurrogate(text);
  if (at !== -1) throw new SigningInputError(field, `text that can be encoded as UTF-8; it has ${describeLoneSurrogate(text, at)}`);
  return text;
}
