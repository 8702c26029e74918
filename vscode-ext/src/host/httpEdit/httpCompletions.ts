import * as vscode from 'vscode';
import { httpFileCompletionAt, loadCatalogOfRequest, parseHttpFile, requestAt, type HttpFileCompletion } from '@iot-devkit/core';
import { parameterSnippet } from './valueSnippet.js';

const toRange = (completion: Pick<HttpFileCompletion, 'start' | 'end'>) =>
  new vscode.Range(completion.start.line - 1, completion.start.column - 1, completion.end.line - 1, completion.end.column - 1);

/**
 * Completion in `.http` documents from the catalog: action names (with their titles) in X-TC-Action's value, and in
 * the JSON body the parameters of the action, or the fields of the structure the cursor's object is of, each with its
 * type, whether it is required, its description in the UI language and a snippet for its value.
 */
export class HttpCompletionProvider implements vscode.CompletionItemProvider {
  constructor(private readonly zh: boolean) {}

  async provideCompletionItems(document: vscode.TextDocument, position: vscode.Position): Promise<vscode.CompletionItem[]> {
    const file = parseHttpFile(document.getText());
    const at = { line: position.line + 1, column: position.character + 1 };
    const { request } = requestAt(file, at);
    // The full catalog of the action's service, loaded once, before its parameters are read.
    if (request) await loadCatalogOfRequest(request);
    const completion = httpFileCompletionAt(file, at, this.zh ? 'zh-CN' : 'en');
    if (!completion) return [];
    const range = toRange(completion);
    if (completion.kind === 'action')
      return completion.actions.map((action) => {
        const item = new vscode.CompletionItem({ label: action.name, description: action.title.text }, vscode.CompletionItemKind.Function);
        item.range = range;
        item.detail = `${action.service} · ${action.title.text}${action.title.label ? ` (${action.title.label})` : ''}`;
        if (action.deprecated) item.tags = [vscode.CompletionItemTag.Deprecated];
        return item;
      });
    const required = vscode.l10n.t('required');
    return completion.parameters.map((parameter) => {
      const item = new vscode.CompletionItem(
        { label: parameter.name, detail: ` ${parameter.type}`, description: parameter.required ? required : undefined },
        vscode.CompletionItemKind.Property,
      );
      item.range = range;
      // What is typed from the range's start (its opening quote) is matched against the quoted name.
      item.filterText = `"${parameter.name}"`;
      // Required parameters first, each group by name.
      item.sortText = `${parameter.required ? '0' : '1'}${parameter.name}`;
      item.insertText = new vscode.SnippetString(parameterSnippet(parameter, completion.hasColon));
      item.detail = `${parameter.type}${parameter.required ? ` · ${required}` : ''}${parameter.secret ? ` · ${vscode.l10n.t('secret: use {{$processEnv NAME}}')}` : ''}`;
      const description = parameter.description.text + (parameter.description.label ? ` (${parameter.description.label})` : '');
      item.documentation = new vscode.MarkdownString().appendText(description);
      return item;
    });
  }
}
