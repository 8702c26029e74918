import * as vscode from 'vscode';
import { checkRuleSql, ruleSqlMarkRange } from '@iot-devkit/core';

/**
 * A rule SQL is told from other SQL by its FROM: the rule engine reads a single-quoted topic, which no table name is.
 * Both tests are linear (a prefix, and one unanchored search whose whitespace runs are each read once).
 */
const isRuleSql = (text: string) => /^\s*select\b/i.test(text.slice(0, 200)) && /\bfrom\s*'/i.test(text);

/**
 * The rule-SQL check as a squiggle in SQL documents (the decoded SQL the CodeLens opens, a .sql file kept beside a
 * rule): the core's reader names the token at fault and ruleSqlMarkRange gives the range, the same as the browser
 * editor's marker.
 */
export function ruleSqlDiagnostics(): vscode.Disposable {
  const collection = vscode.languages.createDiagnosticCollection('iot-devkit-rule-sql');
  const update = (document: vscode.TextDocument) => {
    const text = document.languageId === 'sql' ? document.getText() : '';
    const result = isRuleSql(text) ? checkRuleSql(text) : undefined;
    if (!result || result.ok) return collection.delete(document.uri);
    const { start, end } = ruleSqlMarkRange(text, result.error);
    const diagnostic = new vscode.Diagnostic(new vscode.Range(document.positionAt(start), document.positionAt(end)), result.error.message);
    diagnostic.source = 'IoT Devkit';
    diagnostic.code = result.error.code;
    collection.set(document.uri, [diagnostic]);
  };
  vscode.workspace.textDocuments.forEach(update);
  return vscode.Disposable.from(
    collection,
    vscode.workspace.onDidOpenTextDocument(update),
    vscode.workspace.onDidChangeTextDocument((event) => update(event.document)),
    vscode.workspace.onDidCloseTextDocument((document) => collection.delete(document.uri)),
  );
}
