// Bundles the CLI host into one ESM file. The core stays TypeScript source; only hosts are bundled.
import { build } from 'esbuild';
import { statSync } from 'node:fs';

const outfile = new URL('./dist/iot-devkit.mjs', import.meta.url).pathname;
await build({
  entryPoints: [new URL('./src/main.ts', import.meta.url).pathname],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile,
  minify: true,
  sourcemap: 'linked',
  legalComments: 'none',
  // The MQTT broker, client and WebSocket server stay packages beside the bundle (cli's dependencies): ws loads its
  // optional native add-ons by require at run time, which a bundle cannot resolve, and aedes brings its own;
  // @napi-rs/keyring (the OS keychain) loads its platform's native add-on the same way.
  external: ['aedes', 'mqtt', 'ws', '@napi-rs/keyring'],
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
console.log(`cli/dist/iot-devkit.mjs  ${(statSync(outfile).size / 1024).toFixed(1)} KB`);
