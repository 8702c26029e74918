// MQTT topic filters as MQTT 3.1.1 §4.7 defines them, which is what IoT Hub's broker and its rule FROM clause use:
// `+` matches exactly one level, `#` (last level only) matches the parent and any number of levels below it.
// Topics starting with `$` (`$shadow/…`, `$ota/…`, `$rrpc/…`) are matched by a filter starting with a wildcard only
// when the filter spells the `$` level out (MQTT 3.1.1 §4.7.2), so `#` never swallows a device's shadow traffic.
// No backtracking: linear in the two lengths, safe on untrusted input.

/** Whether `filter` is a well-formed MQTT topic filter (wildcards alone in their level, `#` last). */
export function isValidTopicFilter(filter: string): boolean {
  if (filter.length === 0) return false;
  const levels = filter.split('/');
  for (let i = 0; i < levels.length; i++) {
    const level = levels[i]!;
    if (level.includes('#') && (level !== '#' || i !== levels.length - 1)) return false;
    if (level.includes('+') && level !== '+') return false;
  }
  return !filter.includes('\u0000');
}

const SLASH = 0x2f;
const PLUS = 0x2b;
const HASH = 0x23;

/**
 * Whether a concrete `topic` (no wildcards) is matched by `filter`. A malformed filter or topic matches nothing.
 * One pass over both, level by level, without splitting: the broker asks this for every subscription of every
 * message, so it allocates nothing.
 */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  if (filter.length === 0 || topic.length === 0) return false;
  if (topic.includes('+') || topic.includes('#') || topic.includes('\u0000') || filter.includes('\u0000')) return false;
  const dollar = topic.charCodeAt(0) === 0x24; /* $ */
  let f = 0;
  let t = 0;
  for (;;) {
    // f and t each stand at the start of a level.
    const c = filter.charCodeAt(f);
    if (c === HASH) return f + 1 === filter.length && !(dollar && f === 0);
    if (c === PLUS) {
      if ((f + 1 < filter.length && filter.charCodeAt(f + 1) !== SLASH) || (dollar && f === 0)) return false;
      const end = topic.indexOf('/', t);
      t = end === -1 ? topic.length : end;
      f++;
    } else {
      for (; f < filter.length && filter.charCodeAt(f) !== SLASH; f++, t++) {
        const d = filter.charCodeAt(f);
        if (d === PLUS || d === HASH || t >= topic.length || topic.charCodeAt(t) !== d) return false;
      }
      if (t < topic.length && topic.charCodeAt(t) !== SLASH) return false;
    }
    // Both stand at a "/" or at their end.
    if (f >= filter.length) return t >= topic.length;
    // The topic ended at a level the filter goes past: only a final "/#" also matches the parent level.
    if (t >= topic.length) return filter.length === f + 2 && filter.charCodeAt(f + 1) === HASH;
    f++;
    t++;
  }
}
