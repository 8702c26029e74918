import * as vscode from 'vscode';
import { COMMANDS } from '../../constants.js';
import { isWebviewToHostMessage, type HostToWebviewMessage, type ToWebviewNotifications } from '../../protocol.js';
import type { Services } from '../Services.js';
import { createSidebarHandlers } from './createSidebarHandlers.js';
import { errorMessage, type RequestHandlers } from './RequestHandlers.js';
import { sidebarHtml } from './sidebarHtml.js';
import { webviewStrings } from './webviewStrings.js';

/** The activity-bar sidebar: serves the page and answers the protocol's requests with the handler map. */
export class SidebarViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly services: Services) {
    this.subscriptions.push(services.profiles.onDidChange(() => void this.services.profiles.view().then((profile) => this.notify('profileChanged', profile))));
  }

  resolveWebviewView(view: vscode.WebviewView): void {
    this.view = view;
    const dist = vscode.Uri.joinPath(this.services.context.extensionUri, 'dist');
    view.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [dist] };
    const language = vscode.env.language.toLowerCase();
    const handlers: RequestHandlers = createSidebarHandlers(this.services, language.startsWith('zh'), {
      historyChanged: () => this.notify('historyChanged', this.services.history.views()),
      runCommand: (command) => void vscode.commands.executeCommand(COMMANDS[command]),
    });
    view.webview.html = sidebarHtml(view.webview, this.services.context.extensionUri, webviewStrings(vscode.l10n.t), language);
    view.webview.onDidReceiveMessage(async (message: unknown) => {
      if (!isWebviewToHostMessage(message, handlers)) return;
      // The one place a method name picks its handler; each handler checks its own params.
      const handler = handlers[message.method] as (params: unknown) => unknown;
      let reply: HostToWebviewMessage;
      try {
        reply = { type: 'response', id: message.id, method: message.method, ok: true, result: await handler(message.params) } as HostToWebviewMessage;
      } catch (error) {
        reply = { type: 'response', id: message.id, method: message.method, ok: false, error: errorMessage(error) };
      }
      void view.webview.postMessage(reply);
    });
    view.onDidDispose(() => (this.view = undefined));
  }

  notify<N extends keyof ToWebviewNotifications>(method: N, params: ToWebviewNotifications[N]): void {
    void this.view?.webview.postMessage({ type: 'notification', method, params } as HostToWebviewMessage);
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
  }
}
