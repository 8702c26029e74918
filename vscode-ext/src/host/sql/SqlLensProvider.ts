import * as vscode from 'vscode';
import { COMMANDS } from '../../constants.js';
import { findSqlFields } from './findSqlFields.js';

/** JSON, JSONC and .http files: where TopicRulePayload bodies are written by hand. */
export const SQL_DOCUMENTS: vscode.DocumentSelector = [{ language: 'json' }, { language: 'jsonc' }, { language: 'http' }, { pattern: '**/*.http' }];

const MAX_LENS_SQL = 80;

/** Hover and CodeLens on every "Sql": "<base64>": the decoded rule SQL, or why it does not decode. */
export class SqlLensProvider implements vscode.HoverProvider, vscode.CodeLensProvider {
  provideHover(document: vscode.TextDocument, position: vscode.Position): vscode.Hover | undefined {
    const offset = document.offsetAt(position);
    const field = findSqlFields(document.getText()).find((f) => offset >= f.start && offset <= f.end);
    if (!field) return undefined;
    const markdown = new vscode.MarkdownString();
    if (field.decoded.ok) {
      markdown.appendMarkdown(`**${vscode.l10n.t('Rule SQL (decoded from base64)')}**\n\n`);
      markdown.appendCodeblock(field.decoded.sql, 'sql');
    } else {
      markdown.appendText(vscode.l10n.t('Not a rule SQL: {0}', field.decoded.reason));
    }
    return new vscode.Hover(markdown, new vscode.Range(document.positionAt(field.start), document.positionAt(field.end)));
  }

  provideCodeLenses(document: vscode.TextDocument): vscode.CodeLens[] {
    return findSqlFields(document.getText()).map((field) => {
      const range = new vscode.Range(document.positionAt(field.start), document.positionAt(field.end));
      const text = field.decoded.ok ? field.decoded.sql.replace(/\s+/g, ' ') : field.decoded.reason;
      const title = field.decoded.ok ? `SQL: ${text.length > MAX_LENS_SQL ? `${text.slice(0, MAX_LENS_SQL - 1)}…` : text}` : `⚠ ${text}`;
      return new vscode.CodeLens(range, { title, command: COMMANDS.showDecodedSql, arguments: [field.decoded.ok ? field.decoded.sql : text] });
    });
  }
}
