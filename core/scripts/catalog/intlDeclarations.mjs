// Reads the English texts of the international SDK (tencentcloud-sdk-nodejs-intl-en, <service>/<version>/models.js and
// <service>_client.js). It ships JavaScript, not declarations: each model is a class whose constructor assigns
// `this.Member = null` under a JSDoc comment, and each client method has its JSDoc. Parsed with the TypeScript
// compiler API as JavaScript; only the English prose is taken (the Chinese SDK stays the source of names and types).
import { existsSync, readFileSync } from 'node:fs';
import ts from 'typescript';
import { jsDocOf } from './sdkDeclarations.mjs';

const parseJs = (path) => ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.Latest, true, ts.ScriptKind.JS);

// The intl JSDoc repeats the type in a @type tag; the prose alone is wanted.
const prose = (node) => jsDocOf(node).text;

/** Model name → { description, members: name → English description }. Empty when the package lacks the service. */
export function readIntlModels(path) {
  const models = new Map();
  if (!existsSync(path)) return models;
  for (const statement of parseJs(path).statements) {
    if (!ts.isClassDeclaration(statement) || !statement.name) continue;
    const members = new Map();
    const constructor = statement.members.find(ts.isConstructorDeclaration);
    for (const s of constructor?.body?.statements ?? []) {
      if (!ts.isExpressionStatement(s) || !ts.isBinaryExpression(s.expression)) continue;
      const target = s.expression.left;
      if (!ts.isPropertyAccessExpression(target) || target.expression.kind !== ts.SyntaxKind.ThisKeyword) continue;
      const text = prose(s);
      if (text) members.set(target.name.text, text);
    }
    models.set(statement.name.text, { description: prose(statement), members });
  }
  return models;
}

/** Action name → its English description, from the client class's method JSDoc. */
export function readIntlClient(path) {
  const actions = new Map();
  if (!existsSync(path)) return actions;
  for (const statement of parseJs(path).statements) {
    if (!ts.isClassDeclaration(statement)) continue;
    for (const member of statement.members) {
      if (!ts.isMethodDeclaration(member)) continue;
      const text = prose(member);
      if (text) actions.set(member.name.getText(), text);
    }
  }
  return actions;
}
