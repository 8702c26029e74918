import { explainResponse, localizeApiError } from '@iot-devkit/core';
import type { ErrorExplanation } from '../../protocol.js';

/** The error of a response body (the core's explainResponse) in the UI language; undefined on success. */
export function explainError(body: string, zh: boolean): ErrorExplanation | undefined {
  const { error } = explainResponse(body, 'vscode');
  return error ? localizeApiError(error, zh ? 'zh-CN' : 'en') : undefined;
}
