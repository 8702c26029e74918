import * as vscode from 'vscode';
import { IOTCLOUD } from '../../constants.js';
import type { TencentApiClient } from '../api/TencentApiClient.js';
import { explainError } from '../sidebar/explainError.js';

/** An iotcloud call whose error says the code, the server's message and the core's explanation (meaning and fix). */
export async function callExplained(api: TencentApiClient, action: string, params: Record<string, unknown>): Promise<Readonly<Record<string, unknown>>> {
  const call = await api.send({ ...IOTCLOUD, action, params });
  if (call.reading.kind === 'success') return call.reading.data;
  const error = explainError(call.body, vscode.env.language.toLowerCase().startsWith('zh'));
  if (!error) throw new Error(`${action}: HTTP ${call.status}: ${call.reading.kind === 'error' ? call.reading.message : call.body.slice(0, 200)}`);
  throw new Error(`${action}: ${error.code}: ${error.message}${error.explanation ? ` — ${error.explanation}` : ''}`);
}

/** Runs a tree action and shows its failure as an error notification instead of a silent rejection. */
export async function showFailure(what: string, run: () => Promise<void>): Promise<void> {
  try {
    await run();
  } catch (error) {
    void vscode.window.showErrorMessage(vscode.l10n.t('{0} failed: {1}', what, error instanceof Error ? error.message : String(error)));
  }
}
