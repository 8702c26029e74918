// Bundled in place of the core's crypto/nobleHashProvider.js in the extension host (see build.mjs): the host runs on
// Node and injects node:crypto everywhere it signs, so the core's defaults use it too and the pure-JS hashes, which
// only browsers and webviews need, stay out of the bundle. Same export name, so the core's imports are unchanged.
export { nodeHashProvider as nobleHashProvider } from './nodeHashProvider.js';
