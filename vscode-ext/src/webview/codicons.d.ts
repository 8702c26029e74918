/** Built by scripts/codiconSubset.mjs from src/webview/codicons.json: each icon's paths as [d, evenodd]. */
declare module 'codicons:subset' {
  const icons: Readonly<Record<string, readonly (readonly [string, 0 | 1])[]>>;
  export default icons;
}
