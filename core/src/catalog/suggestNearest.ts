/**
 * Optimal-string-alignment distance (Levenshtein plus adjacent transposition), case-insensitive: the typos
 * people make in action names and error codes are dropped, doubled or swapped letters. Past `max` it stops early
 * and answers max + 1: a row's minimum never decreases further down, and a search needs only "too far".
 */
export function editDistance(a: string, b: string, max = Infinity): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const n = t.length;
  const tc = new Int32Array(n);
  for (let j = 0; j < n; j++) tc[j] = t.charCodeAt(j);
  // Three rolling rows (i-2, i-1, i) are all the transposition rule looks back at.
  let before = new Int32Array(n + 1);
  let prev = new Int32Array(n + 1);
  let row = new Int32Array(n + 1);
  for (let j = 0; j <= n; j++) prev[j] = j;
  let sPrev = -1;
  for (let i = 1; i <= s.length; i++) {
    const si = s.charCodeAt(i - 1);
    row[0] = i;
    let rowMin = i;
    for (let j = 1; j <= n; j++) {
      const tj = tc[j - 1]!;
      let best = prev[j - 1]! + (si === tj ? 0 : 1);
      const del = prev[j]! + 1;
      const ins = row[j - 1]! + 1;
      if (del < best) best = del;
      if (ins < best) best = ins;
      if (j > 1 && si === tc[j - 2] && sPrev === tj && before[j - 2]! + 1 < best) best = before[j - 2]! + 1;
      row[j] = best;
      if (best < rowMin) rowMin = best;
    }
    // A transposition looks back two rows, so both must be past max before stopping is safe.
    if (rowMin > max && i > 1 && minOf(prev) > max) return max + 1;
    sPrev = si;
    const spare = before;
    before = prev;
    prev = row;
    row = spare;
  }
  return Math.min(prev[n]!, max + 1);
}

const minOf = (values: Int32Array) => values.reduce((m, v) => (v < m ? v : m), Infinity);

// Character counts give a cheap lower bound of the distance: a substitution changes two counts by one, an insertion
// or deletion one, a transposition none, so the distance is at least half the counts' L1 difference. Most of #15's
// 330 names are ruled out by it before the quadratic distance is computed.
const counts = new Int32Array(128);
function distanceBound(query: string, candidate: string): number {
  counts.fill(0);
  for (let i = 0; i < query.length; i++) counts[Math.min(query.charCodeAt(i), 127)]!++;
  for (let i = 0; i < candidate.length; i++) counts[Math.min(candidate.charCodeAt(i), 127)]!--;
  let l1 = 0;
  for (let k = 0; k < 128; k++) l1 += Math.abs(counts[k]!);
  return Math.ceil(l1 / 2);
}

const lastSegment = (code: string) => code.slice(code.lastIndexOf('.') + 1);
const splitWords = (name: string) =>
  name
    .split(/[.\s_-]+|(?<=[a-z0-9])(?=[A-Z])/)
    .filter(Boolean)
    .map((w) => w.toLowerCase());
// Candidates are the same few hundred catalog names on every call; split each once.
const wordCache = new Map<string, string[]>();
const wordsOf = (name: string) => {
  let words = wordCache.get(name);
  if (!words) wordCache.set(name, (words = splitWords(name)));
  return words;
};

/** Every word of the query appears in the candidate, in order ("UpdateShadow" in UpdateDeviceShadow). */
function wordsScore(queryWords: readonly string[], candidate: string): number {
  if (queryWords.length < 2) return Infinity;
  const c = wordsOf(candidate);
  let k = 0;
  for (const word of c) if (k < queryWords.length && word === queryWords[k]) k++;
  return k === queryWords.length ? 1 + (c.length - queryWords.length) * 0.25 : Infinity;
}

/**
 * The candidates nearest to `query`, best first. A dotted code also matches on its last segment, so
 * "SignatureExpired" finds "AuthFailure.SignatureExpire"; a query contained in a candidate counts as close.
 */
export function suggestNearest(query: string, candidates: Iterable<string>, limit = 3): string[] {
  if (typeof query !== 'string') return [];
  const q = query.trim().toLowerCase();
  if (q === '') return [];
  const queryWords = splitWords(query);
  const allowed = Math.max(2, Math.floor(q.length * 0.35));
  const scored: { candidate: string; score: number }[] = [];
  for (const candidate of candidates) {
    const c = candidate.toLowerCase();
    // The length difference is a lower bound of the distance: skip what cannot be close enough.
    const within = (other: string) => Math.abs(other.length - q.length) <= allowed && distanceBound(q, other) <= allowed;
    const full = within(c) ? editDistance(q, c, allowed) : Infinity;
    const tailOf = lastSegment(c);
    // An undotted name (every action) is its own last segment: its distance is known, not computed twice.
    const tail = q.includes('.') ? full : tailOf === c ? full + 0.5 : within(tailOf) ? editDistance(q, tailOf, allowed) + 0.5 : Infinity;
    const contained = q.length >= 4 && c.includes(q) ? 1 + (c.length - q.length) / 100 : Infinity;
    const score = Math.min(full, tail, contained, wordsScore(queryWords, candidate));
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
