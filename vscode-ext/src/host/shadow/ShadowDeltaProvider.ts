import * as vscode from 'vscode';
import { SCHEMES } from '../../constants.js';
import type { ShadowService } from './ShadowService.js';
import { renderShadowDelta } from './shadowText.js';
import { parseShadowPath } from './shadowUri.js';

/** iot-shadow-delta:/<ProductId>/<DeviceName>.json: desired minus what reported already matches, read fresh. */
export class ShadowDeltaProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly service: ShadowService) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parsed = parseShadowPath(uri.path);
    if (!parsed.ok) return `// ${parsed.reason}\n`;
    return renderShadowDelta((await this.service.read(parsed.address)).shadow);
  }

  /** Re-reads an open delta view (after a save changed desired). */
  refresh(shadowUri: vscode.Uri): void {
    this.changed.fire(shadowUri.with({ scheme: SCHEMES.shadowDelta }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
