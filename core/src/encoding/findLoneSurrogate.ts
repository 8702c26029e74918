/**
 * The index of the first lone UTF-16 surrogate in `text` (a high surrogate not followed by a low one, or a low one
 * not preceded by a high one), or -1 when the text is well-formed. Such a code unit has no UTF-8 encoding:
 * TextEncoder silently writes U+FFFD for it and encodeURIComponent throws, so text that is signed, hashed or
 * percent-encoded is checked first and the field named. One pass.
 */
export function findLoneSurrogate(text: string): number {
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    if (unit < 0xd800 || unit > 0xdfff) continue;
    if (unit <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++;
        continue;
      }
    }
    return i;
  }
  return -1;
}

/** "… has a lone surrogate U+D800 at index 12 …": the part of a message that says what and where. */
export function describeLoneSurrogate(text: string, index: number): string {
  const unit = text.charCodeAt(index).toString(16).toUpperCase();
  return `a lone UTF-16 surrogate U+${unit} at index ${index}, which has no UTF-8 encoding`;
}
