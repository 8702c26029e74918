/**
 * SQL LIKE: `%` matches any run of characters (none included), `_` exactly one; everything else itself, case-sensitively.
 * The pattern is cut at each `%` into pieces that must appear in order; taking each piece at its leftmost place is
 * never worse for the pieces after it, so there is no backtracking. Each piece is looked for with indexOf when it
 * has no `_`; a piece with `_` is tried at each offset, which costs its length per offset — bounded by
 * `budget` character comparisons, past which the answer is unknown (null) rather than a stalled broker.
 * Characters are UTF-16 code units, so `_` matches one BMP character (every Chinese character is one).
 */
export const LIKE_BUDGET = 1_000_000;

export function matchLike(value: string, pattern: string, budget = LIKE_BUDGET): boolean | null {
  const pieces = pattern.split('%');
  let work = 0;
  const matchesAt = (piece: string, at: number): boolean => {
    if (at + piece.length > value.length) return false;
    for (let i = 0; i < piece.length; i++) {
      work++;
      const p = piece.charCodeAt(i);
      if (p !== 0x5f /* _ */ && p !== value.charCodeAt(at + i)) return false;
    }
    return true;
  };
  /** The leftmost offset ≥ from where piece matches, or -1. */
  const find = (piece: string, from: number): number => {
    if (!piece.includes('_')) return value.indexOf(piece, from);
    for (let at = from; at + piece.length <= value.length; at++) {
      if (matchesAt(piece, at)) return at;
      if (work > budget) return -2;
    }
    return -1;
  };
  const first = pieces[0]!;
  if (pieces.length === 1) return first.length === value.length && matchesAt(first, 0);
  if (!matchesAt(first, 0)) return false;
  let position = first.length;
  const last = pieces[pieces.length - 1]!;
  for (let i = 1; i < pieces.length - 1; i++) {
    const piece = pieces[i]!;
    const at = find(piece, position);
    if (at === -2) return null;
    if (at === -1) return false;
    position = at + piece.length;
  }
  const lastAt = value.length - last.length;
  return lastAt >= position && matchesAt(last, lastAt);
}
