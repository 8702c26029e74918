import * as vscode from 'vscode';
import { formatHttpFileRequest, type HttpFileRequestSource } from '@iot-devkit/core';
import type { RequestParams, RequestResult } from '../../protocol.js';
import type { RequestHistory } from '../history/RequestHistory.js';
import type { ProfileStore } from '../profiles/ProfileStore.js';
import { errorMessage } from '../sidebar/RequestHandlers.js';
import { httpFileSourceOf } from './httpFileSourceOf.js';

export type SaveAsHttpResult = RequestResult<'saveAsHttp'>;

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

/** The sidebar's saveAsHttp request: the call of the form or of a history entry, saved as above. */
export async function saveAsHttpFrom(params: RequestParams<'saveAsHttp'>, profiles: ProfileStore, history: RequestHistory): Promise<SaveAsHttpResult> {
  try {
    const source = await httpFileSourceOf(params, profiles, history);
    return typeof source === 'string' ? { ok: false, message: source } : await saveAsHttp(source);
  } catch (error) {
    return { ok: false, message: errorMessage(error) };
  }
}
