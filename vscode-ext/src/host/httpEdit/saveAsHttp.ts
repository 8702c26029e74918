import * as vscode from 'vscode';
import { formatHttpFileRequest, type HttpFileRequestSource } from '@iot-devkit/core';

export type SaveAsHttpResult = { readonly ok: true } | { readonly ok: false; readonly message: string };

/**
 * A call of Build & send or of history as a `.http` request (the core's formatHttpFileRequest: a profile named, never
 * a key; secrets as $processEnv references), opened as an untitled `http` document: the user saves it where they
 * keep their collection, or copies the request into one.
 */
export async function saveAsHttp(source: HttpFileRequestSource): Promise<SaveAsHttpResult> {
  const formatted = formatHttpFileRequest(source);
  if (!formatted.ok) return { ok: false, message: formatted.message };
  const document = await vscode.workspace.openTextDocument({ language: 'http', content: formatted.text });
  await vscode.window.showTextDocument(document, { preview: false });
  return { ok: true };
}
