/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), case-insensitive: the typos
 * people make in action names and error codes are dropped, doubled or swapped letters.
 */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const rows = s.length + 1;
  const cols = t.length + 1;
  const d: number[] = new Array(rows * cols).fill(0);
  const at = (i: number, j: number) => d[i * cols + j]!;
  for (let i = 0; i < rows; i++) d[i * cols] = i;
  for (let j = 0; j < cols; j++) d[j] = j;
  for (let i = 1; i < rows; i++) {
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      d[i * cols + j] = best;
    }
  }
  return at(s.length, t.length);
}

const lastSegment = (code: string) => code.slice(code.lastIndexOf('.') + 1);
const words = (name: string) => name.split(/[.\s_-]+|(?<=[a-z0-9])(?=[A-Z])/).filter(Boolean).map((w) => w.toLowerCase());

/** Every word of the query appears in the candidate, in order ("UpdateShadow" in UpdateDeviceShadow). */
function wordsScore(query: string, candidate: string): number {
  const q = words(query);
  const c = words(candidate);
  if (q.length < 2) return Infinity;
  let k = 0;
  for (const word of c) if (k < q.length && word === q[k]) k++;
  return k === q.length ? 1 + (c.length - q.length) * 0.25 : Infinity;
}

/**
 * The candidates nearest to `query`, best first. A dotted code also matches on its last segment, so
 * "SignatureExpired" finds "AuthFailure.SignatureExpire"; a query contained in a candidate counts as close.
 */
export function suggestNearest(query: string, candidates: Iterable<string>, limit = 3): string[] {
  if (typeof query !== 'string') return [];
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    const full = editDistance(q, c);
    const tail = q.includes('.') ? full : editDistance(q, lastSegment(c)) + 0.5;
    const contained = q.length >= 4 && c.includes(q) ? 1 + (c.length - q.length) / 100 : Infinity;
    const score = Math.min(full, tail, contained, wordsScore(query, candidate));
    const allowed = Math.max(2, Math.floor(q.length * 0.35));
    if (score <= allowed) scored.push({ candidate, score });
  }
  scored.sort((x, y) => x.score - y.score || x.candidate.localeCompare(y.candidate));
  // Far worse than the best match is noise, not a suggestion.
  const best = scored[0]?.score ?? 0;
  return scored
    .filter((s) => s.score <= best + 2)
    .slice(0, limit)
    .map((s) => s.candidate);
}
