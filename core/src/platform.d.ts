// The core is compiled without DOM or Node typings so that a stray `document` or `node:fs` fails the build.
// These two WHATWG Encoding globals exist in every host we run in (Node, browsers, MV3 service workers,
// VS Code webviews), so they are declared here instead of pulling in a whole platform lib.
declare class TextEncoder {
  encode(input?: string): Uint8Array;
}
declare class TextDecoder {
  constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
  decode(input?: Uint8Array): string;
}
