import * as vscode from 'vscode';
import { SCHEMES } from '../../constants.js';
import type { ShadowService } from './ShadowService.js';
import { renderShadowDelta } from './shadowText.js';
import { deltaPath, parseShadowPath, type ShadowAddress } from './shadowUri.js';

/** iot-shadow-delta:/<ProductId>/<DeviceName>.delta.json: desired minus what reported already matches, read fresh. */
export class ShadowDeltaProvider implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly service: ShadowService) {}

  async provideTextDocumentContent(uri: vscode.Uri): Promise<string> {
    const parsed = parseShadowPath(uri.path.replace(/\.delta\.json$/, '.json'));
    if (!parsed.ok) return `// ${parsed.reason}\n`;
    return renderShadowDelta((await this.service.read(parsed.address)).shadow);
  }

  /** Re-reads an open delta view (after a save changed desired). */
  refresh(address: ShadowAddress): void {
    this.changed.fire(vscode.Uri.from({ scheme: SCHEMES.shadowDelta, path: deltaPath(address) }));
  }

  dispose(): void {
    this.changed.dispose();
  }
}
