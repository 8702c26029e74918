/** A seeded PRNG (mulberry32) so every randomized test run is reproducible; the seed is printed on failure. */
export function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  const pick = <T>(items: readonly T[]): T => items[int(0, items.length - 1)]!;
  const string = (alphabet: string, min: number, max: number) => {
    const chars = [...alphabet];
    return Array.from({ length: int(min, max) }, () => pick(chars)).join('');
  };
  return { next, int, pick, string };
}
export type Random = ReturnType<typeof createRandom>;

export const ALNUM = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
/** Text that stresses UTF-8 and JSON escaping: CJK, emoji (surrogate pairs), quotes, backslashes, controls. */
export const UNICODE = ALNUM + '未命名设备影子温度湿度😀🚀é ü"\\/\n\t<>&=+%';
