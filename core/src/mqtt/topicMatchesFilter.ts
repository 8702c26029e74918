// MQTT topic filters as MQTT 3.1.1 §4.7 defines them, which is what IoT Hub's broker and its rule FROM clause use:
// `+` matches exactly one level, `#` (last level only) matches the parent and any number of levels below it.
// Topics starting with `$` (`$shadow/…`, `$ota/…`, `$rrpc/…`) are matched by a filter starting with a wildcard only
// when the filter spells the `$` level out (MQTT 3.1.1 §4.7.2), so `#` never swallows a device's shadow traffic.
// One pass over both strings with no backtracking: linear in their lengths, safe on untrusted input.

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

/** Whether a concrete `topic` (no wildcards) is matched by `filter`. A malformed filter or topic matches nothing. */
export function topicMatchesFilter(filter: string, topic: string): boolean {
  if (!isValidTopicFilter(filter) || topic.length === 0 || topic.includes('+') || topic.includes('#')) return false;
  const f = filter.split('/');
  const t = topic.split('/');
  if (topic.startsWith('$') && (f[0] === '+' || f[0] === '#')) return false;
  for (let i = 0; i < f.length; i++) {
    const level = f[i]!;
    if (level === '#') return true;
    if (i >= t.length) return false;
    if (level !== '+' && level !== t[i]) return false;
  }
  return f.length === t.length;
}
