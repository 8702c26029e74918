// An esbuild plugin that turns `import icons from 'codicons:subset'` into the path data of just the codicons the
// webview uses (listed in src/webview/codicons.json), read from @vscode/codicons' own SVG sources. The whole icon
// font is 156 KB; the subset is a few KB, and the webview draws them as inline SVG in VS Code's own icon style.
// svgo rewrites each icon's path data in its shortest equivalent form (relative commands, arcs for circles): half the
// bytes of the sources' absolute coordinates, the same shapes. Paths are kept apart (no mergePaths), so each keeps
// its own fill rule.
import { optimize } from 'svgo';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export function codiconSubset(listFile) {
  return {
    name: 'codicon-subset',
    setup(build) {
      build.onResolve({ filter: /^codicons:subset$/ }, () => ({ path: listFile, namespace: 'codicons' }));
      build.onLoad({ filter: /.*/, namespace: 'codicons' }, () => {
        const icons = join(dirname(createRequire(import.meta.url).resolve('@vscode/codicons/package.json')), 'src/icons');
        const names = JSON.parse(readFileSync(listFile, 'utf8'));
        const subset = {};
        for (const name of names) {
          const svg = optimize(readFileSync(join(icons, `${name}.svg`), 'utf8'), {
            multipass: true,
            plugins: [{ name: 'preset-default', params: { overrides: { mergePaths: false, moveElemsAttrsToGroup: false, moveGroupAttrsToElems: false } } }],
          }).data;
          // Each path as [d, evenodd?]: the codicon sources use nothing but <path> (checked by the throw below).
          const paths = [...svg.matchAll(/<path([^>]*)\/?>/g)].map(([, attrs]) => [/\sd="([^"]+)"/.exec(attrs)[1], /fill-rule="evenodd"/.test(attrs) ? 1 : 0]);
          if (paths.length === 0 || /<(circle|rect|polygon|g)\b/.test(svg)) throw new Error(`codicon ${name}: not a plain-path icon`);
          subset[name] = paths;
        }
        return { contents: `export default ${JSON.stringify(subset)};`, loader: 'js', watchFiles: [listFile] };
      });
    },
  };
}
