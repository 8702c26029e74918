import * as vscode from 'vscode';
import type { WebviewStrings } from '../../protocol.js';

/** A fresh nonce per load: only our own bundle runs, never an injected or inline script. */
export function createNonce(): string {
  const bytes = new Uint8Array(18);
  globalThis.crypto.getRandomValues(bytes);
  return Buffer.from(bytes).toString('base64url');
}

/**
 * The webview page: strict CSP (no inline script or style, no eval, only our nonce'd bundle, styles and fonts from
 * the extension), the strings as inert JSON, and an empty #app that main.ts fills with DOM built from text.
 */
export function sidebarHtml(webview: vscode.Webview, extensionUri: vscode.Uri, strings: WebviewStrings, language: string): string {
  const nonce = createNonce();
  const asset = (...path: string[]) => webview.asWebviewUri(vscode.Uri.joinPath(extensionUri, 'dist', ...path)).toString();
  // Inside <script type="application/json"> only "</script" could end the element; escaping "<" rules it out.
  const stringsJson = JSON.stringify(strings).replace(/</g, '\\u003c');
  return `<!DOCTYPE html>
<html lang="${language === 'zh-cn' ? 'zh-CN' : 'en'}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${webview.cspSource}; script-src 'nonce-${nonce}';">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${asset('sidebar.css')}">
<title>IoT Devkit</title>
</head>
<body>
<script type="application/json" id="strings">${stringsJson}</script>
<div id="app"></div>
<script nonce="${nonce}" src="${asset('webview.js')}"></script>
</body>
</html>`;
}
