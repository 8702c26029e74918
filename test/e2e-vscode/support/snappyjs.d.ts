// snappyjs ships no types; this is the one function the canary search uses (index.js: uncompress throws on input
// that is not a valid Snappy block).
declare module 'snappyjs' {
  export function uncompress(compressed: Uint8Array, maxLength?: number): Uint8Array;
}
